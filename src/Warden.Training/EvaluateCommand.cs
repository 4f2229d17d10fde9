using System.CommandLine;
using Warden.Scoring.Models;

using Warden.Scoring.Training;

namespace Warden.Training;

/// <summary><c>evaluate</c>: score folders with a model and print precision, recall and F1 at its thresholds.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "The ONNX model", Required = true };
        var folders = new Argument<DirectoryInfo[]>("folders") { Description = "Corpus folders (JSON or plain text files)", Arity = ArgumentArity.OneOrMore };
        var positivePattern = new Option<string>("--positive-pattern") { Description = "A folder whose name contains this holds positives", DefaultValueFactory = _ => "spam" };
        var command = new Command("evaluate", "Score corpus folders with a model and print precision, recall and F1 at its review and block thresholds")
        {
            model, folders, positivePattern,
        };
        command.SetAction(parse =>
        {
            using var classifier = TextClassifier.Load(parse.GetValue(model)!.FullName);
            var pattern = parse.GetValue(positivePattern)!;
            var items = parse.GetValue(folders)!
                .SelectMany(f => Corpus.ReadForEvaluation(f.FullName).Select(item => (item, f.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase))))
                .ToList();
            var report = Evaluation.Run(classifier, items.Select(i => (i.item.Text, i.Item2)).ToList());
            foreach (var line in report)
            {
                Console.WriteLine(line);
            }

            return 0;
        });
        return command;
    }
}
