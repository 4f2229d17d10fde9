// Unwraps a TensorFlow.js Keras-layers model that an npm package ships as JS modules (nsfwjs wraps
// model.json and base64 weight shards in UMD bundles) into the plain files TensorFlow.js itself
// writes: model.json (topology and weights manifest) and weights.bin (the shards concatenated).
// Usage: node unwrap-model.cjs <folder with model.min.js and group1-shard*.min.js> <output folder>
"use strict";
const fs = require("fs");
const path = require("path");

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error("usage: node unwrap-model.cjs <model folder> <output folder>");
  process.exit(2);
}

const model = require(path.resolve(source, "model.min.js"));
if (!model.modelTopology || !Array.isArray(model.weightsManifest)) {
  console.error(`${source}/model.min.js is not a TensorFlow.js layers model (no modelTopology or weightsManifest)`);
  process.exit(1);
}

const shards = [];
for (const group of model.weightsManifest) {
  for (const shard of group.paths) {
    const base64 = require(path.resolve(source, `${shard}.min.js`));
    if (typeof base64 !== "string") {
      console.error(`${shard}.min.js does not export a base64 string`);
      process.exit(1);
    }
    shards.push(Buffer.from(base64, "base64"));
  }
}

fs.mkdirSync(target, { recursive: true });
fs.writeFileSync(path.join(target, "model.json"), JSON.stringify({ modelTopology: model.modelTopology, weightsManifest: model.weightsManifest }));
fs.writeFileSync(path.join(target, "weights.bin"), Buffer.concat(shards));
console.log(`unwrapped ${shards.length} shard(s), ${Buffer.concat(shards).length} bytes of weights, into ${target}`);
