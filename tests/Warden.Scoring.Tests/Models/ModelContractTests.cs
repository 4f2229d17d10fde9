using Warden.Scoring.Models;
using Warden.Scoring.Text;

namespace Warden.Scoring.Tests.Models;

public sealed class ModelContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-models-").FullName;

    private string Write(string name, int dimension, Dictionary<string, string> metadata, int categories = 1)
    {
        var path = Path.Combine(_folder, name + ".onnx");
        File.WriteAllBytes(path, OnnxGraphWriter.LinearClassifier(dimension, categories, new float[dimension * categories], new float[categories], metadata));
        return path;
    }

    private static Dictionary<string, string> Valid(int dimension) =>
        new ModelContract(TextFeatures.Version, dimension, ["spam"], new Dictionary<string, CategoryThresholds> { ["spam"] = new(0.5, 0.9) }, "test").ToMetadata();

    [Fact]
    public void A_model_honouring_the_contract_loads_and_scores()
    {
        using var model = TextClassifier.Load(Write("ok", 1024, Valid(1024)));
        model.Contract.Categories.Should().Equal("spam");
        var scores = model.Score(["hello", "buy now"]);
        scores.Should().HaveCount(2).And.OnlyContain(s => Math.Abs(s - 0.5f) < 1e-6, "zero weights give sigmoid(0)");
    }

    [Fact]
    public void A_model_without_the_contract_is_refused_with_the_reason()
    {
        var act = () => TextClassifier.Load(Write("bare", 64, []));
        act.Should().Throw<ModelContractException>().WithMessage("*metadata 'warden.contract' is missing*");
    }

    [Fact]
    public void A_model_built_on_other_features_is_refused()
    {
        var metadata = Valid(64);
        metadata[ModelContract.FeaturesKey] = "bag-of-words-v0";
        var act = () => TextClassifier.Load(Write("features", 64, metadata));
        act.Should().Throw<ModelContractException>().WithMessage("*trained on features 'bag-of-words-v0'*");
    }

    [Fact]
    public void A_model_whose_input_width_disagrees_with_its_metadata_is_refused()
    {
        var act = () => TextClassifier.Load(Write("width", 64, Valid(128)));
        act.Should().Throw<ModelContractException>().WithMessage("*'features' must be float32 [batch, 128]*");
    }

    [Fact]
    public void A_model_missing_thresholds_for_a_category_is_refused()
    {
        var metadata = Valid(64);
        metadata[ModelContract.CategoriesKey] = "spam,scam";
        var act = () => TextClassifier.Load(Write("thresholds", 64, metadata, categories: 2));
        act.Should().Throw<ModelContractException>().WithMessage("*no thresholds for scam*");
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_refused()
    {
        var path = Path.Combine(_folder, "junk.onnx");
        File.WriteAllText(path, "not a model");
        var act = () => TextClassifier.Load(path);
        act.Should().Throw<ModelContractException>().WithMessage("*ONNX Runtime cannot load it*");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
