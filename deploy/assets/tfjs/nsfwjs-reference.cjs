// The reference a converted image model is checked against: nsfwjs itself, on TensorFlow.js's pure-JS
// CPU backend, with nsfwjs's own preprocessing (pixels / 255, bilinear resize with aligned corners).
// Each input file is a raw image: int32 width, int32 height (little-endian), then RGB bytes row by row.
// Usage: node nsfwjs-reference.cjs <MobileNetV2|MobileNetV2Mid|InceptionV3> <output.json> <image.rgb>...
"use strict";
const fs = require("fs");
const path = require("path");
const tf = require("@tensorflow/tfjs");
const nsfwjs = require("nsfwjs");

async function main() {
  const [modelName, output, ...images] = process.argv.slice(2);
  if (!modelName || !output || images.length === 0) {
    console.error("usage: node nsfwjs-reference.cjs <model name> <output.json> <image.rgb>...");
    process.exit(2);
  }

  await tf.setBackend("cpu");
  const model = await nsfwjs.load(modelName);
  const results = {};
  for (const file of images) {
    const bytes = fs.readFileSync(file);
    const width = bytes.readInt32LE(0);
    const height = bytes.readInt32LE(4);
    const pixels = tf.tensor3d(new Int32Array(bytes.subarray(8)), [height, width, 3], "int32");
    const probabilities = model.infer(pixels);
    results[path.basename(file, ".rgb")] = Array.from(await probabilities.data());
    tf.dispose([pixels, probabilities]);
  }

  fs.writeFileSync(output, JSON.stringify({ backend: tf.getBackend(), tfjs: tf.version.tfjs, results }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
