using System.CommandLine;
using System.Diagnostics;
using Warden.Scoring;
using Warden.Scoring.Models;
using Warden.Scoring.Models.Keras;

namespace Warden.Training;

/// <summary><c>import-image</c>: an image classifier shipped in an npm package in, the ONNX model Warden serves out.</summary>
public static class ImportImageCommand
{
    private static readonly string[] Models = ["mobilenet_v2", "mobilenet_v2_mid", "inception_v3"];

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Which of nsfwjs's models (dist/models/…)", DefaultValueFactory = _ => "mobilenet_v2" };
        model.AcceptOnlyFromAmong(Models);
        var assets = new Option<DirectoryInfo?>("--assets") { Description = "The npm assets folder (deploy/assets/node_modules); found above the program when omitted" };
        var output = new Option<FileInfo>("--out") { Description = "Where the ONNX model goes", Required = true };
        var command = new Command("import-image", "Convert nsfwjs's trained image classifier (TensorFlow.js layers, MIT) into the ONNX model Warden serves")
        {
            model, assets, output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var clock = Stopwatch.StartNew();
            var outputFile = parse.GetValue(output)!;
            try
            {
                var nodes = await ImageModelImport.ImportNsfwAsync(ScoringAssets.Locate(parse.GetValue(assets)?.FullName), parse.GetValue(model)!, outputFile.FullName, cancellation);
                using var classifier = ImageClassifier.Load(outputFile.FullName);
                Console.WriteLine($"converted {classifier.Contract.Source} into {nodes} ONNX nodes in {clock.Elapsed.TotalSeconds:0.0} s");
                Console.WriteLine($"classes: {string.Join(", ", classifier.Contract.Classes)}; input {classifier.Contract.Height}×{classifier.Contract.Width} RGB");
                Console.WriteLine($"wrote {outputFile.FullName} ({outputFile.Length / 1024} KiB)");
                return 0;
            }
            catch (Exception error) when (error is InvalidDataException or DirectoryNotFoundException or ModelContractException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"import failed: {error.Message}");
                return 1;
            }
        });
        return command;
    }
}
