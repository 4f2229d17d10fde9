using System.Text.Json;

namespace Warden.Scoring.Models;

/// <summary>
/// What a text model must declare to be served (README, "Model contract"): input <c>features</c>
/// float32 [batch, dimension], output <c>scores</c> float32 [batch, categories] in 0–1, and metadata
/// naming the contract, the feature extractor and its dimension, the categories and their thresholds.
/// </summary>
public sealed record ModelContract(
    string FeatureVersion,
    int Dimension,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, CategoryThresholds> Thresholds,
    string? Name)
{
    public const string ContractName = "warden-text-classifier/1";
    public const string InputName = "features";
    public const string OutputName = "scores";

    public const string ContractKey = "warden.contract";
    public const string FeaturesKey = "warden.features";
    public const string DimensionKey = "warden.dimension";
    public const string CategoriesKey = "warden.categories";
    public const string ThresholdsKey = "warden.thresholds";
    public const string NameKey = "warden.name";

    public Dictionary<string, string> ToMetadata() => new()
    {
        [ContractKey] = ContractName,
        [FeaturesKey] = FeatureVersion,
        [DimensionKey] = Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [CategoriesKey] = string.Join(',', Categories),
        [ThresholdsKey] = JsonSerializer.Serialize(Thresholds),
        [NameKey] = Name ?? string.Empty,
    };

    /// <summary>Reads the contract from a model's metadata; throws <see cref="ModelContractException"/> naming what is wrong.</summary>
    public static ModelContract FromMetadata(IReadOnlyDictionary<string, string> metadata, string model)
    {
        string Required(string key) => metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ModelContractException(model, $"metadata '{key}' is missing");

        var contract = Required(ContractKey);
        if (contract != ContractName)
        {
            throw new ModelContractException(model, $"it declares contract '{contract}', this server serves '{ContractName}'");
        }

        if (!int.TryParse(Required(DimensionKey), out var dimension) || dimension <= 0)
        {
            throw new ModelContractException(model, $"'{DimensionKey}' is not a positive number");
        }

        var categories = Required(CategoriesKey).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Dictionary<string, CategoryThresholds>? thresholds;
        try
        {
            thresholds = JsonSerializer.Deserialize<Dictionary<string, CategoryThresholds>>(Required(ThresholdsKey));
        }
        catch (JsonException error)
        {
            throw new ModelContractException(model, $"'{ThresholdsKey}' is not valid JSON: {error.Message}");
        }

        var missing = categories.Where(c => thresholds is null || !thresholds.ContainsKey(c)).ToList();
        if (categories.Length == 0 || missing.Count > 0)
        {
            throw new ModelContractException(model, categories.Length == 0 ? "it declares no categories" : $"no thresholds for {string.Join(", ", missing)}");
        }

        return new ModelContract(Required(FeaturesKey), dimension, categories, thresholds!, metadata.GetValueOrDefault(NameKey));
    }
}

/// <summary>The score at or above which a category suggests review, and block.</summary>
public sealed record CategoryThresholds(double Review, double Block);
