using System.Globalization;

namespace Warden.Scoring.Models;

/// <summary>
/// What an image model must declare to be served: input <c>image</c> float32 [batch, height, width, 3]
/// (RGB, preprocessed as <see cref="ImagePreprocessing"/> names), output <c>probabilities</c> float32
/// [batch, classes], and metadata naming the classes, the input size, the preprocessing and the source.
/// </summary>
public sealed record ImageModelContract(string Name, IReadOnlyList<string> Classes, int Height, int Width, string Preprocessing, string Source)
{
    public const string ContractName = "warden-image-classifier/1";
    public const string InputName = "image";
    public const string OutputName = "probabilities";

    public const string ContractKey = "warden.contract";
    public const string NameKey = "warden.name";
    public const string ClassesKey = "warden.classes";
    public const string InputSizeKey = "warden.input";
    public const string PreprocessingKey = "warden.preprocessing";
    public const string PreprocessingTextKey = "warden.preprocessing.description";
    public const string SourceKey = "warden.source";

    public Dictionary<string, string> ToMetadata() => new()
    {
        [ContractKey] = ContractName,
        [NameKey] = Name,
        [ClassesKey] = string.Join(',', Classes),
        [InputSizeKey] = string.Create(CultureInfo.InvariantCulture, $"{Height}x{Width}x3"),
        [PreprocessingKey] = Preprocessing,
        [PreprocessingTextKey] = ImagePreprocessing.Describe(Preprocessing),
        [SourceKey] = Source,
    };

    /// <summary>Reads the contract from a model's metadata; throws <see cref="ModelContractException"/> naming what is wrong.</summary>
    public static ImageModelContract FromMetadata(IReadOnlyDictionary<string, string> metadata, string model)
    {
        string Required(string key) => metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ModelContractException(model, $"metadata '{key}' is missing");

        if (Required(ContractKey) is var contract && contract != ContractName)
        {
            throw new ModelContractException(model, $"it declares contract '{contract}', this server serves '{ContractName}'");
        }

        var size = Required(InputSizeKey).Split('x');
        if (size.Length != 3 || !int.TryParse(size[0], CultureInfo.InvariantCulture, out var height) || !int.TryParse(size[1], CultureInfo.InvariantCulture, out var width)
            || height <= 0 || width <= 0 || size[2] != "3")
        {
            throw new ModelContractException(model, $"'{InputSizeKey}' must read HEIGHTxWIDTHx3, not '{metadata[InputSizeKey]}'");
        }

        var preprocessing = Required(PreprocessingKey);
        if (!ImagePreprocessing.Known(preprocessing))
        {
            throw new ModelContractException(model, $"it asks for preprocessing '{preprocessing}', this server knows '{ImagePreprocessing.UnitRgbAlignedBilinear}'");
        }

        var classes = Required(ClassesKey).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return classes.Length < 2
            ? throw new ModelContractException(model, "it declares fewer than two classes")
            : new ImageModelContract(Required(NameKey), classes, height, width, preprocessing, Required(SourceKey));
    }
}
