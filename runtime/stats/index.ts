/** The cumulative and statistics names of `np` (runtime/np.ts spreads this module). */
import "./methods.js";
export { cumsum, cumprod, diff } from "./cumulative.js";
export { median, percentile, quantile } from "./quantile.js";
export { average, ptp } from "./average.js";
export { nansum, nanmean, nanmin, nanmax, nanvar, nanstd } from "./nan.js";
