using System.Text;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Warden.Scoring.Ocr;

/// <summary>
/// PaddleOCR's CRNN recogniser (PP-OCRv4): a line image scaled to 48 pixels high, read by greedy CTC
/// decoding over the character dictionary (index 0 is the CTC blank, the last index a space).
/// </summary>
internal sealed class TextRecognizer(InferenceSession session, IReadOnlyList<string> dictionary)
{
    private const int Height = 48;
    private const int MaxWidth = 1600;

    public (string Text, float Confidence) Read(SKBitmap line)
    {
        var width = Math.Clamp((int)Math.Ceiling(Height * line.Width / (float)line.Height), 8, MaxWidth);
        using var resized = line.Resize(new SKImageInfo(width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear));
        var input = OcrTensors.Normalized(resized, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        var output = results[0].AsTensor<float>();
        int steps = output.Dimensions[1], classes = output.Dimensions[2];
        var text = new StringBuilder();
        var previous = -1;
        double confidence = 0;
        var kept = 0;
        for (var t = 0; t < steps; t++)
        {
            int best = 0;
            var bestScore = float.MinValue;
            for (var k = 0; k < classes; k++)
            {
                var score = output[0, t, k];
                if (score > bestScore)
                {
                    (best, bestScore) = (k, score);
                }
            }

            if (best != 0 && best != previous)
            {
                text.Append(best - 1 < dictionary.Count ? dictionary[best - 1] : " ");
                confidence += bestScore;
                kept++;
            }

            previous = best;
        }

        return (text.ToString().Trim(), kept == 0 ? 0 : (float)(confidence / kept));
    }
}
