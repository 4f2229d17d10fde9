using System.CommandLine;
using System.Diagnostics;

using Warden.Scoring.Training;

namespace Warden.Training;

/// <summary><c>train</c>: folders of positives and negatives in, an ONNX model out.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var positive = new Option<DirectoryInfo[]>("--positive") { Description = "Folders of positive examples (e.g. spam-1)", Required = true, AllowMultipleArgumentsPerToken = true };
        var negative = new Option<DirectoryInfo[]>("--negative") { Description = "Folders of negative examples (e.g. easy-ham-1 hard-ham-1)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Where the ONNX model goes", Required = true };
        var category = new Option<string>("--category") { Description = "The policy category the model scores", DefaultValueFactory = _ => "spam" };
        var dimension = new Option<int>("--dimension") { Description = "Hashed feature buckets (a power of two)", DefaultValueFactory = _ => 1 << 15 };
        var precision = new Option<double>("--block-precision") { Description = "Cross-validated precision the block threshold must reach", DefaultValueFactory = _ => 0.998 };
        var command = new Command("train", "Train the text model on the training folders (never the held-out -2 groups) and write it as ONNX")
        {
            positive, negative, output, category, dimension, precision,
        };
        command.SetAction(parse =>
        {
            var folders = parse.GetValue(positive)!.Concat(parse.GetValue(negative)!).ToList();
            var heldOut = folders.Where(f => Corpus.IsHeldOut(f.FullName)).ToList();
            if (heldOut.Count > 0)
            {
                Console.Error.WriteLine($"refused: {string.Join(", ", heldOut.Select(f => f.Name))} held out for evaluation; train and tune on the -1 groups only");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var positives = parse.GetValue(positive)!.SelectMany(f => Corpus.Read(f.FullName)).ToList();
            var negatives = parse.GetValue(negative)!.SelectMany(f => Corpus.Read(f.FullName)).ToList();
            var outputFile = parse.GetValue(output)!;
            var report = new TextModelTrainer(parse.GetValue(dimension), blockPrecision: parse.GetValue(precision))
                .Train(positives, negatives, parse.GetValue(category)!, outputFile.FullName, Path.GetFileNameWithoutExtension(outputFile.Name));
            Console.WriteLine($"trained on {report.Positives} positive and {report.Negatives} negative examples in {clock.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"thresholds: review {report.Thresholds.Review}, block {report.Thresholds.Block}");
            Console.WriteLine($"cross-validated at review: {report.CrossValidatedReview}");
            Console.WriteLine($"cross-validated at block:  {report.CrossValidatedBlock}");
            Console.WriteLine($"wrote {outputFile.FullName}");
            return 0;
        });
        return command;
    }
}
