// The element types the WebAssembly loops are instantiated for (the template parameters of every
// loop family, as NumPy's .c.src files repeat a body per @TYPE@).
export const F64 = { name: "f64", t: "f64", vec: "f64x2", size: 8, lanes: 2 };
export const F32 = { name: "f32", t: "f32", vec: "f32x4", size: 4, lanes: 4 };
export const I32 = { name: "i32", t: "i32", vec: "i32x4", size: 4, lanes: 4 };

/** `(local.set $x (i32.add (local.get $x) <by>))` */
export const bump = (x, by) => `(local.set $${x} (i32.add (local.get $${x}) ${by}))`;
