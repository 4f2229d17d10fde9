using Warden.Core.Scoring;
using Warden.Scoring.Fusion;

namespace Warden.Grains.Scoring;

/// <summary>The scoring cascade's settings (<c>Warden:Scoring</c>); see the README's Scoring section.</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Warden:Scoring";

    /// <summary>The npm assets folder (word lists, OCR models); found above the program in a checkout when unset.</summary>
    public string? Assets { get; set; }

    /// <summary><c>cpu</c>, <c>cuda</c> (refuses to start without CUDA) or <c>cuda-or-cpu</c> (falls back, logged and shown on /readyz and /metrics); CUDA needs the GPU build (README).</summary>
    public string ExecutionProvider { get; set; } = "cpu";

    public int IntraOpThreads { get; set; } = 2;

    /// <summary>The text model served until an operator assigns one with <c>warden models set</c>.</summary>
    public string? TextModel { get; set; }

    public string? ShadowTextModel { get; set; }

    public bool Ocr { get; set; } = true;

    /// <summary>The image classifier (<c>warden-training import-image</c>). Unset: no image categories. Set but refused or failing: they take their fallback.</summary>
    public string? ImageModel { get; set; }

    public bool HasImageModel => !string.IsNullOrWhiteSpace(ImageModel);

    /// <summary>Policy category to the image model's classes whose probabilities add up to its score.</summary>
    public Dictionary<string, List<string>> ImageCategories { get; set; } = new()
    {
        ["adult"] = ["Porn", "Hentai"],
        ["suggestive"] = ["Sexy"],
    };

    /// <summary>
    /// Score a submission's text on the request path and its images after it: the caller gets the text's verdict at
    /// once (status <c>ScoringImages</c>), the item carries a hold label until its images are scored.
    /// </summary>
    public bool ImagesAfterText { get; set; }

    /// <summary>The enforcement of the hold label (policy <c>unscored_media</c>) while images are scored.</summary>
    public string HoldEnforcement { get; set; } = "limit";

    /// <summary>Images whose adult score reaches this are blurred on review pages even where the queue does not blur.</summary>
    public double BlurImagesAt { get; set; } = 0.5;

    /// <summary>How long a model may take for one item before its categories fall back.</summary>
    public TimeSpan ModelDeadline { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Texts scored in one model run when requests arrive together.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>Per policy category: thresholds, enforcements, fallback, trust weight, audit sample.</summary>
    public Dictionary<string, CategoryPolicy> Categories { get; set; } = new()
    {
        ["spam"] = new CategoryPolicy { ModelRequired = true, Fallback = FailMode.Review },
        ["adult"] = new CategoryPolicy { ModelRequired = true, ReviewAt = 0.5, BlockAt = 0.9, Fallback = FailMode.Review, TrustWeight = 0.1 },
        ["suggestive"] = new CategoryPolicy
        {
            ModelRequired = true, ReviewAt = 0.6, BlockAt = 0.85, BlockEnforcement = "hide_from_recommendations", Fallback = FailMode.Open, TrustWeight = 0.1,
        },
    };

    /// <summary>Image categories are scored only for submissions with images, and only where an image model is configured.</summary>
    public bool IsImageCategory(string category) => ImageCategories.ContainsKey(category);

    public SubmissionLimits Limits { get; set; } = new();

    /// <summary>Pixels this silo decodes at once across all images (4 bytes each while decoding); an image waits for room.</summary>
    public long DecodingMegapixels { get; set; } = 64;

    /// <summary>What an image is decoded down to where its format allows (JPEG, WebP): PDQ and OCR need no more.</summary>
    public long DecodeTargetPixels { get; set; } = 2_000_000;

    /// <summary>A submission still without a verdict this long after its last attempt is re-driven.</summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Scoring attempts a submission gets (the recovery pass waits RecoverAfter, doubling after each failure) before it is marked failed.</summary>
    public int MaxScoringAttempts { get; set; } = 5;

    /// <summary>How often the recovery reminder looks for such submissions (reminders below a minute need <c>Warden:Reminders:MinimumReminderPeriod</c>).</summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public CategoryPolicy PolicyFor(string category) => Categories.TryGetValue(category, out var policy) ? policy : DefaultPolicy;

    private static readonly CategoryPolicy DefaultPolicy = new();

    /// <summary>Every problem with the settings, for start-up.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Warden.Scoring.Models.ExecutionProvider.IsKnown(ExecutionProvider))
        {
            yield return $"{SectionName}:ExecutionProvider '{ExecutionProvider}' is not known: use cpu, cuda or cuda-or-cpu";
        }
        else if (ExecutionProvider.Equals(Warden.Scoring.Models.ExecutionProvider.Cuda, StringComparison.OrdinalIgnoreCase)
            && Warden.Scoring.Models.ExecutionProvider.CudaProblem() is { } cuda)
        {
            yield return $"{SectionName}:ExecutionProvider is 'cuda' but {cuda}; or set it to cuda-or-cpu";
        }

        if (MaxBatch <= 0)
        {
            yield return $"{SectionName}:MaxBatch must be positive";
        }

        if (IntraOpThreads <= 0)
        {
            yield return $"{SectionName}:IntraOpThreads must be positive";
        }

        if (ModelDeadline <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:ModelDeadline must be positive";
        }

        if (BlurImagesAt is < 0 or > 1)
        {
            yield return $"{SectionName}:BlurImagesAt must be between 0 and 1";
        }

        foreach (var (category, classes) in ImageCategories.Where(c => c.Value is null || c.Value.Count == 0))
        {
            yield return $"{SectionName}:ImageCategories:{category} names no classes";
        }

        if (RecoveryPeriod < TimeSpan.FromSeconds(1))
        {
            yield return $"{SectionName}:RecoveryPeriod must be at least a second";
        }
    }
}
