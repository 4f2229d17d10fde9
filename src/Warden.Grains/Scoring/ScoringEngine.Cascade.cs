using System.Diagnostics;
using System.Security.Cryptography;
using Warden.Abstractions.Scoring;
using Warden.Scoring.Fusion;
using Warden.Scoring.Hashing;
using Warden.Scoring.Rules;
using Warden.Scoring.Text;

namespace Warden.Grains.Scoring;

public sealed partial class ScoringEngine
{
    /// <summary>Runs the cascade: banks and rules, then the text model on the text and on text read from images, then fusion.</summary>
    public async Task<ContentVerdict> ScoreAsync(ScoringRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var loaded = await CurrentAsync();
        _meters.Drift.Observe(request.Text);

        // Stage 1: exact and perceptual banks per image, OCR of the image's text, and the image model's input.
        var matches = new List<HashMatch>();
        var ocrTexts = new List<string>();
        var imageModel = request.Images.Count > 0 ? _imageModel.Value : null;
        var imageInputs = new List<(int Image, float[] Input)>();
        foreach (var (image, index) in request.Images.Select((image, index) => (image, index)))
        {
            // Decoding, hashing and OCR take tens to hundreds of milliseconds: off the grain scheduler, and only
            // once the silo's decode budget has room for the pixels.
            var declared = ImageHeader.Dimensions(image.Bytes) is { } size ? ImageHeader.Pixels(size) : 0;
            using var room = await _decodeBudget.AcquireAsync(declared);
            var (imageMatches, ocrText, modelInput) = await Task.Run(() => InspectImage(image.Bytes, declared, loaded.Banks, imageModel));
            matches.AddRange(imageMatches);
            if (modelInput is not null)
            {
                imageInputs.Add((index, modelInput));
            }

            if (!string.IsNullOrWhiteSpace(ocrText))
            {
                ocrTexts.Add(ocrText);
            }
        }

        var ocrJoined = ocrTexts.Count == 0 ? null : string.Join('\n', ocrTexts);

        // Each text is folded once, for the rules and for every model's features.
        var text = FoldedText.Of(request.Text);
        var ocr = FoldedText.Of(ocrJoined);
        var ruleHits = loaded.Matcher.Match(text?.Words ?? []).Concat(loaded.Matcher.Match(ocr?.Words ?? [], unspaced: true))
            .DistinctBy(h => (h.RuleSet, h.Term)).ToList();

        // Stage 2: the live model (deadline-bound) and the shadow model (recorded only); the image model on every
        // image that decoded, under the same deadline.
        var imageRun = RunImageModelAsync(imageModel, imageInputs);
        var live = await RunModelAsync(loaded.Live, text, ocr);
        var shadow = await RunModelAsync(loaded.Shadow, text, ocr);
        var images = new ImageEvidence(await imageRun, request.Images.Count, imageModel?.Name);

        // Stage 3: fusion per category.
        var categories = _options.Categories.Keys
            .Concat(loaded.Live?.Classifier.Contract.Categories ?? [])
            .Concat(_options.ImageCategories.Keys)
            .Where(c => !_options.IsImageCategory(c) || (request.Images.Count > 0 && _options.HasImageModel))
            .Concat(ruleHits.Select(h => h.Policy))
            .Concat(matches.Select(m => m.Policy))
            .Distinct(StringComparer.Ordinal);
        var verdicts = new List<CategoryVerdict>();
        foreach (var category in categories)
        {
            var policy = _options.PolicyFor(category);
            var evidence = Evidence(category, policy, loaded, live, shadow, ruleHits, matches);
            if (_options.IsImageCategory(category))
            {
                evidence = images.For(category, policy, _options.ImageCategories[category], evidence);
            }

            var verdict = VerdictFusion.Fuse(category, policy, evidence, request.AuthorTrust);
            verdicts.Add(verdict);
            if (verdict.ShadowScore is { } shadowScore)
            {
                var (reviewAt, blockAt) = VerdictFusion.Thresholds(policy, evidence);
                var shadowDecision = shadowScore >= blockAt ? VerdictDecision.Block : shadowScore >= reviewAt ? VerdictDecision.Review : VerdictDecision.Allow;
                _meters.Shadow(category, shadowDecision == verdict.Decision);
            }
        }

        var result = new ContentVerdict
        {
            Categories = verdicts,
            OcrText = ocrJoined,
            ImageScores = images.Scores ?? [],
            ScoredAt = _clock.GetUtcNow(),
            ElapsedMilliseconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3),
        };
        _meters.Verdict(result);
        return result;
    }

    private CategoryEvidence Evidence(
        string category,
        CategoryPolicy policy,
        Loaded loaded,
        ModelScores? live,
        ModelScores? shadow,
        IReadOnlyList<RuleHit> ruleHits,
        IReadOnlyList<HashMatch> matches)
    {
        var contract = loaded.Live?.Classifier.Contract;
        var index = contract?.Categories.ToList().IndexOf(category) ?? -1;
        var shadowIndex = loaded.Shadow?.Classifier.Contract.Categories.ToList().IndexOf(category) ?? -1;
        var hasScore = index >= 0 && live is { Failed: false };
        return new CategoryEvidence
        {
            TextScore = hasScore ? live!.Text?[index] : null,
            OcrScore = hasScore ? live!.Ocr?[index] : null,
            ShadowScore = shadowIndex >= 0 && shadow is { Failed: false } ? Math.Max(shadow.Text?[shadowIndex] ?? 0, shadow.Ocr?[shadowIndex] ?? 0) : null,
            ModelFailed = policy.ModelRequired && !hasScore,
            ModelName = loaded.Live?.Name,
            ModelThresholds = index >= 0 && contract!.Thresholds.TryGetValue(category, out var t) ? (t.Review, t.Block) : null,
            RuleHits = [.. ruleHits.Where(h => h.Policy == category)],
            HashMatches = [.. matches.Where(m => m.Policy == category)],
        };
    }

    /// <param name="declaredPixels">What the image's header declares, read once by the caller.</param>
    private (IEnumerable<HashMatch> Matches, string? OcrText, float[]? ModelInput) InspectImage(byte[] bytes, long declaredPixels, IReadOnlyList<LoadedBank> banks, ImageModelRunner? imageModel)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        PdqResult? pdq = null;
        string? text = null;
        float[]? modelInput = null;
        try
        {
            // Intake refuses such images; one stored before that limit existed is bad input, never decoded.
            if (declaredPixels > _options.Limits.MaxImagePixels)
            {
                throw new InvalidDataException($"the image declares {declaredPixels} pixels, more than may be decoded");
            }

            using var bitmap = LumaImage.DecodeBitmap(bytes, _options.DecodeTargetPixels);
            if (banks.Count > 0)
            {
                pdq = PdqHasher.Hash(LumaImage.FromBitmap(bitmap), dihedral: banks.Any(b => b.Info.MatchRotationsAndFlips));
            }

            text = _ocr.Value is { } ocr ? string.Join('\n', ocr.Read(bitmap).Select(l => l.Text)) : null;
            modelInput = imageModel?.Classifier.Preprocess(bitmap);
        }
        catch (InvalidDataException)
        {
            // Bytes with an image signature that do not decode: the exact bank can still match them.
        }

        return ([.. banks.SelectMany(b => b.Match(sha256, pdq))], text, modelInput);
    }

    /// <summary>Class probabilities per image; null when the model failed or ran past the deadline.</summary>
    private async Task<List<ImageClassScores>?> RunImageModelAsync(ImageModelRunner? runner, IReadOnlyList<(int Image, float[] Input)> inputs)
    {
        if (runner is null || inputs.Count == 0)
        {
            return runner is null ? null : [];
        }

        var runs = inputs.Select(i => runner.ClassifyAsync(i.Input)).ToList();
        try
        {
            var probabilities = await Task.WhenAll(runs).WaitAsync(_options.ModelDeadline, _clock);
            var classes = runner.Classifier.Contract.Classes;
            return [.. inputs.Select((input, n) => new ImageClassScores
            {
                Image = input.Image,
                Model = runner.Name,
                Classes = [.. classes.Select((c, k) => new ClassProbability(c, Math.Round(probabilities[n][k], 6)))],
            })];
        }
        catch (Exception error) when (error is TimeoutException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
        {
            LogModelFailed(runner.Name, error.GetType().Name, error.Message);
            return null;
        }
    }

    private async Task<ModelScores?> RunModelAsync(ModelRunner? runner, FoldedText? text, FoldedText? ocrText)
    {
        if (runner is null)
        {
            return null;
        }

        var textTask = text is null || string.IsNullOrWhiteSpace(text.Source) ? Task.FromResult<float[]?>(null) : Nullable(runner.ScoreAsync(text.FeatureRow(runner.Classifier)));
        var ocrTask = ocrText is null ? Task.FromResult<float[]?>(null) : Nullable(runner.ScoreAsync(ocrText.FeatureRow(runner.Classifier)));
        var both = Task.WhenAll(textTask, ocrTask);
        try
        {
            await both.WaitAsync(_options.ModelDeadline, _clock);
            return new ModelScores(textTask.Result, ocrTask.Result, false);
        }
        catch (Exception error) when (error is TimeoutException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or InvalidOperationException)
        {
            LogModelFailed(runner.Name, error.GetType().Name, error.Message);
            return new ModelScores(null, null, true);
        }

        static async Task<float[]?> Nullable(Task<float[]> task) => await task;
    }

    private sealed record ModelScores(float[]? Text, float[]? Ocr, bool Failed);

    /// <summary>A text folded once; its feature row computed once per feature dimension (live and shadow share it).</summary>
    private sealed class FoldedText(string source, IReadOnlyList<string> words)
    {
        private readonly Dictionary<int, float[]> _rows = [];

        public string Source { get; } = source;

        public IReadOnlyList<string> Words { get; } = words;

        public static FoldedText? Of(string? text) => string.IsNullOrEmpty(text) ? null : new FoldedText(text, TextNormalizer.Words(text));

        public float[] FeatureRow(Warden.Scoring.Models.TextClassifier classifier)
        {
            lock (_rows)
            {
                if (!_rows.TryGetValue(classifier.Contract.Dimension, out var row))
                {
                    _rows[classifier.Contract.Dimension] = row = classifier.FeatureRow(TextFeatures.WordsOf(Source, Words));
                }

                return row;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The text model {Model} failed ({Kind}: {Reason}); categories that need it take their fallback")]
    private partial void LogModelFailed(string model, string kind, string reason);
}
