using HdrHistogram;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Scoring;
using Warden.Scoring;
using Warden.Scoring.Hashing;
using Warden.Scoring.Models;
using Warden.Scoring.Ocr;
using Warden.Scoring.Training;
using Warden.Testing;

namespace Warden.Benchmarks.Scenarios;

/// <summary>
/// The scoring cascade's figures: submit → verdict with PostgreSQL persistence (closed loop and paced at
/// 1,000 items/s), the scoring worker against raw ONNX Runtime runs of the same model and batch size,
/// PDQ hashing of 512×512 images and of 12 MP JPEGs (full and scaled decode), matching against a 1M-hash
/// bank (index and brute force), the image classifier beside raw ONNX Runtime, image submissions, and OCR.
/// </summary>
public static class ScoringScenarios
{
    private const int BankSize = 1_000_000;
    private const int Batch = 64;

    /// <summary>Submit → verdict latency in the paced scenario (the pacing wait excluded), measured runs only.</summary>
    public static LongConcurrentHistogram PacedSubmitLatency { get; private set; } = NewHistogram();

    public static void ResetLatency(string scenario)
    {
        if (scenario.StartsWith("submit-text-paced", StringComparison.Ordinal))
        {
            PacedSubmitLatency = NewHistogram();
        }
    }

    /// <summary>Held-out corpus texts, as a feed would send them (the -2 groups: never trained on).</summary>
    public static Lazy<string[]> Texts { get; } = new(LoadTexts);

    private static long _submissions;

    /// <summary>
    /// A new number for every submission of the process: worker and iteration numbers restart with each run (and
    /// the warm-up), and a repeated entity and key is a duplicate answered without scoring, which is not the figure.
    /// </summary>
    public static long NextSubmission() => Interlocked.Increment(ref _submissions);

    private static LongConcurrentHistogram NewHistogram() => new(1, TimeStamp.Seconds(60), 3);

    public static IEnumerable<Scenario> All(BenchmarkCluster cluster)
    {
        var grains = cluster.Client.Grains;
        var texts = Texts;
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Task Submit(int worker, long i)
        {
            var corpus = texts.Value;
            var text = corpus[(int)((worker * 7919 + i) % corpus.Length)];
            return SubmitAsync(grains, $"pin:bench-{run}-{NextSubmission()}", text, $"user:bench-{worker % 500}");
        }

        yield return new Scenario("submit-text-c64", "items/s", 64, Submit, () => Task.FromResult(texts.Value));

        // 200 submitters at 5 items/s each: latency at 1,000 items/s, below saturation.
        yield return new Scenario("submit-text-paced-1000", "items/s", 200, async (worker, i) =>
        {
            if (i == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(worker * 200.0 / 200));
            }

            var pace = Task.Delay(TimeSpan.FromMilliseconds(200));
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Submit(worker, i);
            PacedSubmitLatency.RecordValue(System.Diagnostics.Stopwatch.GetTimestamp() - started);
            await pace;
        });

        yield return new Scenario("scoring-worker-c64", "items/s", 64, (worker, i) =>
            grains.GetGrain<IScoringWorkerGrain>(0).Score(new ScoringRequest("pin:x", texts.Value[(int)((worker * 7919 + i) % texts.Value.Length)], [], 0.5)));

        var model = new Lazy<(InferenceSession Session, float[] Features, int Dimension)>(() => PrepareModel(texts.Value));
        yield return new Scenario($"onnx-run-b{Batch}-c1", "items/s", 1, (_, _) =>
        {
            var (session, features, dimension) = model.Value;
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelContract.InputName, new DenseTensor<float>(features, [Batch, dimension]))]);
            return Task.CompletedTask;
        }, ItemsPerOperation: Batch);

        // The same run one item at a time: what micro-batching saves.
        yield return new Scenario("onnx-run-b1-c1", "items/s", 1, (_, _) =>
        {
            var (session, features, dimension) = model.Value;
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelContract.InputName, new DenseTensor<float>(features.AsMemory(0, dimension), [1, dimension]))]);
            return Task.CompletedTask;
        });

        var classifier = new Lazy<TextClassifier>(() => TextClassifier.Load(TrainedModels.SpamModelPath, ExecutionProvider.CreateOptions("cpu", 2)));
        yield return new Scenario($"featurize-onnx-b{Batch}-c1", "items/s", 1, (_, i) =>
        {
            var corpus = texts.Value;
            classifier.Value.Score([.. Enumerable.Range(0, Batch).Select(k => corpus[(int)((i * Batch + k) % corpus.Length)])]);
            return Task.CompletedTask;
        }, ItemsPerOperation: Batch);

        var images = new Lazy<byte[][]>(() => [.. Enumerable.Range(0, 16).Select(seed => { using var scene = TestImages.Scene(seed); return TestImages.Encode(scene); })]);
        yield return new Scenario("pdq-png-512-c2", "hashes/s", 2, (worker, i) =>
        {
            PdqHasher.Hash(images.Value[(int)((worker + i) % images.Value.Length)]);
            return Task.CompletedTask;
        });

        var lumas = new Lazy<LumaImage[]>(() => [.. images.Value.Select(b => LumaImage.Decode(b))]);
        yield return new Scenario("pdq-hash-only-512-c2", "hashes/s", 2, (worker, i) =>
        {
            PdqHasher.Hash(lumas.Value[(int)((worker + i) % lumas.Value.Length)]);
            return Task.CompletedTask;
        });

        var bank = new Lazy<(PdqIndex Index, Hash256[] Queries)>(BuildBank);
        yield return new Scenario("pdq-match-1m-c1", "queries/s", 1, (_, i) =>
        {
            var (index, queries) = bank.Value;
            index.Search(queries[i % queries.Length], 31);
            return Task.CompletedTask;
        }, () => Task.FromResult(bank.Value));
        yield return new Scenario("pdq-match-1m-c2", "queries/s", 2, (worker, i) =>
        {
            var (index, queries) = bank.Value;
            index.Search(queries[(worker * 997 + i) % queries.Length], 31);
            return Task.CompletedTask;
        });
        yield return new Scenario("pdq-scan-1m-c1", "queries/s", 1, (_, i) =>
        {
            var (index, queries) = bank.Value;
            index.Scan(queries[i % queries.Length], 31);
            return Task.CompletedTask;
        });

        // The image classifier: Warden's preprocessing and run beside a raw ONNX Runtime run of the same model and batch.
        var imageModel = new Lazy<ImageBench>(PrepareImageModel);
        foreach (var batch in new[] { 1, 16 })
        {
            yield return new Scenario($"image-classify-b{batch}-c1", "images/s", 1, (_, i) =>
            {
                var bench = imageModel.Value;
                var input = new float[batch * bench.Classifier.ImageLength];
                for (var k = 0; k < batch; k++)
                {
                    bench.Classifier.Preprocess(bench.Bitmaps[(int)((i + k) % bench.Bitmaps.Length)]).CopyTo(input, k * bench.Classifier.ImageLength);
                }

                bench.Classifier.Run(input, batch);
                return Task.CompletedTask;
            }, () => Task.FromResult(imageModel.Value), ItemsPerOperation: batch);
            yield return new Scenario($"image-onnx-raw-b{batch}-c1", "images/s", 1, (_, _) =>
            {
                var bench = imageModel.Value;
                var tensor = new DenseTensor<float>(bench.Input.AsMemory(0, batch * bench.Classifier.ImageLength), [batch, 224, 224, 3]);
                using var results = bench.Raw.Run([NamedOnnxValue.CreateFromTensor(ImageModelContract.InputName, tensor)]);
                return Task.CompletedTask;
            }, ItemsPerOperation: batch);
        }

        // An image item through the whole cascade (PDQ, OCR, image model, fusion, PostgreSQL).
        var photos = new Lazy<byte[][]>(() => [.. Enumerable.Range(0, 8).Select(seed => { using var photo = TestImages.PhotoLike(seed, 800, 600); return TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg, 90); })]);
        yield return new Scenario("submit-image-c8", "items/s", 8, async (worker, i) =>
        {
            var entity = $"pin:bench-img-{run}-{NextSubmission()}";
            var result = await grains.Content(entity, "1").Submit(new ContentSubmission
            {
                IdempotencyKey = "1",
                Images = [new SubmittedImage(photos.Value[(int)((worker + i) % photos.Value.Length)], "photo.jpg")],
                Actor = "bench",
            });
            if (result.Content?.Verdict is not { ImageScores.Count: 1 })
            {
                throw new InvalidOperationException("no image verdict: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }, () => Task.FromResult(photos.Value));

        // PDQ of 12-megapixel JPEGs decoded whole, and decoded scaled down to the silo's 2 MP target.
        var large = new Lazy<byte[][]>(() => [.. Enumerable.Range(0, 2).Select(seed => { using var scene = TestImages.Scene(seed, 4000, 3000); return TestImages.Encode(scene, SkiaSharp.SKEncodedImageFormat.Jpeg, 90); })]);
        foreach (var (name, target) in new[] { ("full", long.MaxValue), ("scaled", 2_000_000L) })
        {
            yield return new Scenario($"pdq-jpeg-12mp-{name}-c1", "hashes/s", 1, (_, i) =>
            {
                using var bitmap = LumaImage.DecodeBitmap(large.Value[(int)(i % large.Value.Length)], target);
                PdqHasher.Hash(LumaImage.FromBitmap(bitmap));
                return Task.CompletedTask;
            }, () => Task.FromResult(large.Value));
        }

        var ocr = new Lazy<(PaddleOcr Ocr, byte[] Image)>(() =>
        {
            using var image = TestImages.Text("CHEAP VIAGRA ONLINE", "NO PRESCRIPTION NEEDED", "CLICK HERE TO ORDER");
            return (new PaddleOcr(ScoringAssets.OcrModels(ScoringAssets.Locate()), ExecutionProvider.CreateOptions("cpu", 2)), TestImages.Encode(image));
        });
        yield return new Scenario("ocr-3-lines-c1", "images/s", 1, (_, _) =>
        {
            ocr.Value.Ocr.Read(ocr.Value.Image);
            return Task.CompletedTask;
        }, () => Task.FromResult(ocr.Value));
    }

    private static async Task SubmitAsync(IGrainFactory grains, string entity, string text, string author)
    {
        var result = await grains.Content(entity, "1").Submit(new ContentSubmission { IdempotencyKey = "1", Text = text, Author = author, Actor = "bench" });
        if (result.Content?.Verdict is null)
        {
            throw new InvalidOperationException("no verdict: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }

    private static string[] LoadTexts()
    {
        var assets = ScoringAssets.Locate();
        return [.. Corpus.Read(ScoringAssets.SpamCorpus(assets, "spam-1")).Concat(Corpus.Read(ScoringAssets.SpamCorpus(assets, "easy-ham-1")))
            .Select(i => i.Text).Where(t => t.Length <= 20_000)];
    }

    private static (InferenceSession, float[], int) PrepareModel(string[] texts)
    {
        var classifier = TextClassifier.Load(TrainedModels.SpamModelPath);
        var features = classifier.Featurize([.. texts.Take(Batch)]);
        var dimension = classifier.Contract.Dimension;
        classifier.Dispose();
        return (new InferenceSession(TrainedModels.SpamModelPath, ExecutionProvider.CreateOptions("cpu", 2)), features, dimension);
    }

    private sealed record ImageBench(ImageClassifier Classifier, InferenceSession Raw, SkiaSharp.SKBitmap[] Bitmaps, float[] Input);

    private static ImageBench PrepareImageModel()
    {
        var classifier = ImageClassifier.Load(TrainedModels.NsfwModelPath, ExecutionProvider.CreateOptions("cpu", 2));
        var bitmaps = Enumerable.Range(0, 16).Select(seed =>
        {
            using var photo = TestImages.PhotoLike(seed, 640, 480);
            return LumaImage.DecodeBitmap(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg, 90));
        }).ToArray();
        var input = bitmaps.SelectMany(classifier.Preprocess).ToArray();
        return new ImageBench(classifier, new InferenceSession(TrainedModels.NsfwModelPath, ExecutionProvider.CreateOptions("cpu", 2)), bitmaps, input);
    }

    private static (PdqIndex, Hash256[]) BuildBank()
    {
        var random = new Random(2026);
        Hash256 RandomHash() => new((ulong)random.NextInt64() << 1 ^ (ulong)random.Next(), (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(), (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(), (ulong)random.NextInt64() << 1 ^ (ulong)random.Next());
        var hashes = Enumerable.Range(0, BankSize).Select(_ => RandomHash()).ToArray();
        // Half the queries are near copies of banked hashes (a match to find), half unrelated.
        var queries = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? Flip(hashes[random.Next(BankSize)], random.Next(0, 24), random) : RandomHash()).ToArray();
        var index = new PdqIndex(hashes);
        Console.WriteLine($"PDQ bank of {index.Count:N0} hashes: {index.MemoryBytes / 1048576.0:F0} MiB of index ({index.MemoryBytes / (double)index.Count:F0} B a hash)");
        return (index, queries);
    }

    private static Hash256 Flip(Hash256 hash, int bits, Random random)
    {
        var words = new[] { hash.W0, hash.W1, hash.W2, hash.W3 };
        for (var b = 0; b < bits; b++)
        {
            var bit = random.Next(256);
            words[bit / 64] ^= 1UL << (bit % 64);
        }

        return new Hash256(words[0], words[1], words[2], words[3]);
    }
}
