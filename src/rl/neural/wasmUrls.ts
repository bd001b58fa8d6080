/**
 * Browser only: the wasm backend's binaries as files of our own build (hashed asset URLs), so a
 * production server never answers the wasm request with index.html. The threaded binary is never used
 * (tfSetup turns multithreading off), so its entry points at the SIMD file instead of shipping it.
 */
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

export const WASM_FILES = {
  'tfjs-backend-wasm.wasm': plainUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': simdUrl,
};
