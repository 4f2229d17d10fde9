using Warden.Scoring;
using Warden.Scoring.Models.Keras;
using Warden.Scoring.Text;
using Warden.Scoring.Training;

namespace Warden.Testing;

/// <summary>
/// The spam model trained on the SpamAssassin -1 groups exactly as <c>warden-training train</c> does,
/// once per feature version on this machine: test processes and the benchmark share the file.
/// </summary>
public static class TrainedModels
{
    private static readonly Lazy<string> Spam = new(TrainSpam);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Imported = new();

    public static string SpamModelPath => Spam.Value;

    /// <summary>nsfwjs's MobileNetV2, the model the cluster serves.</summary>
    public static string NsfwModelPath => ImportedNsfwModel("mobilenet_v2");

    /// <summary>One of nsfwjs's models (dist/models/…) converted by the import command's code, once per test process.</summary>
    public static string ImportedNsfwModel(string model) => Imported.GetOrAdd(model, m => new Lazy<string>(() => ImportNsfw(m))).Value;

    /// <summary>Trains the spam model on the -1 groups into <paramref name="path"/>, as the training command does.</summary>
    public static TrainingReport TrainSpam(string path, string name)
    {
        var assets = ScoringAssets.Locate();
        return new TextModelTrainer().Train(
            Corpus.Read(ScoringAssets.SpamCorpus(assets, "spam-1")),
            [.. Corpus.Read(ScoringAssets.SpamCorpus(assets, "easy-ham-1")), .. Corpus.Read(ScoringAssets.SpamCorpus(assets, "hard-ham-1"))],
            "spam",
            path,
            name);
    }

    private static string ImportNsfw(string model)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("warden-nsfw-model-").FullName, $"nsfw-{model}.onnx");
        ImageModelImport.ImportNsfwAsync(ScoringAssets.Locate(), model, path).GetAwaiter().GetResult();
        return path;
    }

    private static string TrainSpam()
    {
        var folder = Path.Combine(Path.GetTempPath(), "warden-trained-models", TextFeatures.Version);
        var path = Path.Combine(folder, "spam.onnx");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var scratch = Path.Combine(folder, $"spam-{Environment.ProcessId}-{Guid.NewGuid():N}.onnx");
        TrainSpam(scratch, "spam-sa1");

        // Another process may have finished first; either file is the same model.
        File.Move(scratch, path, overwrite: true);
        return path;
    }
}
