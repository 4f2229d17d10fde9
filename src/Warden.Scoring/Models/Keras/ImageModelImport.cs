using System.Diagnostics;

namespace Warden.Scoring.Models.Keras;

/// <summary>
/// Imports an image classifier an npm package ships as a TensorFlow.js layers model: node unwraps the
/// package's JS modules into model.json and weights.bin (deploy/assets/tfjs/unwrap-model.cjs), and
/// <see cref="KerasImageConverter"/> writes the ONNX model Warden serves.
/// </summary>
public static class ImageModelImport
{
    /// <summary>nsfwjs 4.4.0's models: folder under dist/models, and the classes of dist/cjs/nsfw_classes.js in output order.</summary>
    public static readonly IReadOnlyList<string> NsfwClasses = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"];

    public static string NsfwModelFolder(string nodeModules, string model) => System.IO.Path.Combine(nodeModules, "nsfwjs", "dist", "models", model);

    public static string UnwrapScript(string nodeModules) => System.IO.Path.GetFullPath(System.IO.Path.Combine(nodeModules, "..", "tfjs", "unwrap-model.cjs"));

    /// <summary>Unwraps and converts; returns the number of ONNX nodes written.</summary>
    public static async Task<int> ImportNsfwAsync(string nodeModules, string model, string output, CancellationToken cancellation = default)
    {
        var package = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(System.IO.Path.Combine(nodeModules, "nsfwjs", "package.json"), cancellation));
        var version = package.RootElement.GetProperty("version").GetString();
        var unwrapped = Directory.CreateTempSubdirectory("warden-tfjs-");
        try
        {
            await UnwrapAsync(nodeModules, NsfwModelFolder(nodeModules, model), unwrapped.FullName, cancellation);
            var layers = TfjsLayersModel.Read(unwrapped.FullName);
            var (height, width) = layers.InputSize();
            var contract = new ImageModelContract(
                $"nsfwjs-{model}",
                NsfwClasses,
                height,
                width,
                ImagePreprocessing.UnitRgbAlignedBilinear,
                $"npm nsfwjs@{version} dist/models/{model} (MIT; Keras {layers.KerasVersion}, uint8-quantized weights)");
            var (bytes, nodes) = KerasImageConverter.Convert(layers, contract);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(output))!);
            var temporary = output + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, cancellation);
            File.Move(temporary, output, overwrite: true);
            return nodes;
        }
        finally
        {
            unwrapped.Delete(recursive: true);
        }
    }

    private static async Task UnwrapAsync(string nodeModules, string source, string target, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(UnwrapScript(nodeModules));
        start.ArgumentList.Add(source);
        start.ArgumentList.Add(target);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        _ = await process.StandardOutput.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
        {
            throw new InvalidDataException($"unwrapping {source} failed: {(await errors).Trim()}");
        }
    }
}
