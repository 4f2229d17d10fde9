using System.Text.Json;
using SkiaSharp;
using Warden.Scoring.Models;
using Warden.Testing;
using Xunit.Abstractions;

namespace Warden.Scoring.Tests.Models;

/// <summary>
/// The converted image model is nsfwjs's model: the same decoded pixels go through nsfwjs itself
/// (TensorFlow.js 4.22.0, pure-JS CPU backend, nsfwjs's own preprocessing, run by node) and through
/// Warden's preprocessing and ONNX Runtime, and every class probability agrees within 1e-4.
/// </summary>
public sealed class ImageModelEquivalenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("mobilenet_v2", "MobileNetV2")]
    // InceptionV3 converts and matches too (largest difference 4.8e-7 on these images) but takes 4.5 minutes in
    // TensorFlow.js's pure-JS backend: add [InlineData("inception_v3", "InceptionV3")] to check it again.
    public async Task The_converted_model_matches_nsfwjs_on_varied_images(string model, string nsfwjsName)
    {
        var images = VariedImages();
        var folder = Directory.CreateTempSubdirectory("warden-image-reference-");
        try
        {
            using var classifier = ImageClassifier.Load(TrainedModels.ImportedNsfwModel(model));
            classifier.Contract.Classes.Should().Equal("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
            var input = new float[images.Count * classifier.ImageLength];
            var files = new List<string>();
            for (var i = 0; i < images.Count; i++)
            {
                var (name, encoded) = images[i];
                // Decoded as the silo decodes (RGBA, unpremultiplied) and preprocessed in place as the silo does;
                // nsfwjs gets the same pixels' RGB.
                using var bitmap = Warden.Scoring.Hashing.LumaImage.DecodeBitmap(encoded);
                var rgb = ImagePreprocessing.Rgb(bitmap);
                classifier.Preprocess(bitmap).CopyTo(input, i * classifier.ImageLength);
                classifier.Preprocess(rgb, bitmap.Width, bitmap.Height).Should().Equal(input.AsSpan(i * classifier.ImageLength, classifier.ImageLength).ToArray(), "RGB and RGBA preprocess alike");
                var file = Path.Combine(folder.FullName, $"{name}.rgb");
                await File.WriteAllBytesAsync(file, [.. BitConverter.GetBytes(bitmap.Width), .. BitConverter.GetBytes(bitmap.Height), .. rgb]);
                files.Add(file);
            }

            var ours = classifier.Run(input, images.Count);
            var reference = await ReferenceAsync(nsfwjsName, folder.FullName, files);

            var worst = 0.0;
            for (var i = 0; i < images.Count; i++)
            {
                var expected = reference[images[i].Name];
                var actual = ours.AsSpan(i * 5, 5).ToArray();
                output.WriteLine($"{images[i].Name,-16} nsfwjs [{string.Join(", ", expected.Select(p => p.ToString("0.000000")))}]  onnx [{string.Join(", ", actual.Select(p => p.ToString("0.000000")))}]");
                for (var c = 0; c < 5; c++)
                {
                    var difference = Math.Abs(expected[c] - actual[c]);
                    worst = Math.Max(worst, difference);
                    difference.Should().BeLessThanOrEqualTo(Tolerance, $"{images[i].Name}, class {classifier.Contract.Classes[c]}");
                }
            }

            output.WriteLine($"{model}: largest difference over {images.Count} images × 5 classes: {worst:E2}");

            // The images differ enough to exercise the model, not one constant answer.
            var topClasses = Enumerable.Range(0, images.Count).Select(i => Array.IndexOf(reference[images[i].Name], reference[images[i].Name].Max())).Distinct().Count();
            topClasses.Should().BeGreaterThan(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, double[]>> ReferenceAsync(string nsfwjsName, string folder, IEnumerable<string> files)
    {
        var assets = ScoringAssets.Locate();
        var script = Path.GetFullPath(Path.Combine(assets, "..", "tfjs", "nsfwjs-reference.cjs"));
        var results = Path.Combine(folder, "reference.json");
        await ProcessRunner.RunAsync("node", [script, nsfwjsName, results, .. files], timeout: TimeSpan.FromMinutes(5));
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(results));
        json.RootElement.GetProperty("tfjs").GetString().Should().Be("4.22.0");
        json.RootElement.GetProperty("backend").GetString().Should().Be("cpu");
        return json.RootElement.GetProperty("results").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    /// <summary>Photos-like noise, drawings, text, flat colours, PDQ test scenes; PNG and JPEG; smaller, larger, exactly the input size, not square, with alpha.</summary>
    private static List<(string Name, byte[] Encoded)> VariedImages()
    {
        var images = new List<(string, byte[])>();
        void Add(string name, SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 100)
        {
            using (bitmap)
            {
                images.Add((name, TestImages.Encode(bitmap, format, quality)));
            }
        }

        Add("scene-1", TestImages.Scene(1));
        Add("scene-2-jpeg", TestImages.Scene(2, 640, 480), SKEncodedImageFormat.Jpeg, 85);
        Add("scene-3-exact", TestImages.Scene(3, 224, 224));
        Add("text", TestImages.Text("Buy cheap pills now", "limited offer"));
        Add("text-small", TestImages.Text("hi"));
        Add("flat-black", Flat(SKColors.Black, 300, 300));
        Add("flat-skin", Flat(new SKColor(224, 172, 140), 256, 320));
        Add("photo-like", TestImages.PhotoLike(7, 800, 600), SKEncodedImageFormat.Jpeg, 90);
        Add("photo-like-tiny", TestImages.PhotoLike(8, 48, 64));
        Add("drawing", TestImages.Drawing(9));
        Add("wide", TestImages.Scene(4, 900, 160));
        Add("transparent", Transparent());
        return images;
    }

    private static SKBitmap Flat(SKColor color, int width, int height)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(color);
        return bitmap;
    }

    private static SKBitmap Transparent()
    {
        var bitmap = new SKBitmap(256, 256, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        bitmap.Erase(new SKColor(200, 40, 40, 128));
        return bitmap;
    }
}
