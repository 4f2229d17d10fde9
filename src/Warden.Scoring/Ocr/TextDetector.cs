using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Warden.Scoring.Ocr;

/// <summary>
/// PaddleOCR's DB text detector (PP-OCRv4): a probability map of "text here", thresholded into
/// connected regions whose boxes are grown back to the text's extent (the model shrinks them in
/// training). Boxes are axis-aligned: rotated text is read only as well as its bounding box allows.
/// </summary>
internal sealed class TextDetector(InferenceSession session, int maxSide = 960)
{
    private const float PixelThreshold = 0.3f;
    private const float BoxThreshold = 0.6f;
    private const float UnclipRatio = 1.5f;
    private const int MinSide = 3;

    public List<(SKRectI Box, float Score)> Detect(SKBitmap image)
    {
        var scale = Math.Min(1f, maxSide / (float)Math.Max(image.Width, image.Height));
        int width = RoundTo32(image.Width * scale), height = RoundTo32(image.Height * scale);
        using var resized = image.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear));
        var input = OcrTensors.Normalized(resized, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        var map = results[0].AsTensor<float>();
        return Boxes(map, width, height, image.Width / (float)width, image.Height / (float)height, image.Width, image.Height);
    }

    private static List<(SKRectI, float)> Boxes(Tensor<float> map, int width, int height, float scaleX, float scaleY, int imageWidth, int imageHeight)
    {
        var probability = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                probability[(y * width) + x] = map[0, 0, y, x];
            }
        }

        var seen = new bool[probability.Length];
        var boxes = new List<(SKRectI, float)>();
        var stack = new Stack<int>();
        for (var start = 0; start < probability.Length; start++)
        {
            if (seen[start] || probability[start] <= PixelThreshold)
            {
                continue;
            }

            int minX = int.MaxValue, minY = int.MaxValue, maxX = 0, maxY = 0, pixels = 0;
            double sum = 0;
            stack.Push(start);
            seen[start] = true;
            while (stack.TryPop(out var at))
            {
                int x = at % width, y = at / width;
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                pixels++;
                sum += probability[at];
                foreach (var next in Neighbours(x, y, width, height))
                {
                    if (!seen[next] && probability[next] > PixelThreshold)
                    {
                        seen[next] = true;
                        stack.Push(next);
                    }
                }
            }

            int boxWidth = maxX - minX + 1, boxHeight = maxY - minY + 1;
            var score = (float)(sum / pixels);
            if (Math.Min(boxWidth, boxHeight) < MinSide || score < BoxThreshold)
            {
                continue;
            }

            // Unclip: grow by area × ratio / perimeter, as DB's post-processing does.
            var grow = boxWidth * boxHeight * UnclipRatio / (2f * (boxWidth + boxHeight));
            var left = (int)Math.Max(0, (minX - grow) * scaleX);
            var top = (int)Math.Max(0, (minY - grow) * scaleY);
            var right = (int)Math.Min(imageWidth, (maxX + 1 + grow) * scaleX);
            var bottom = (int)Math.Min(imageHeight, (maxY + 1 + grow) * scaleY);
            if (right - left >= MinSide && bottom - top >= MinSide)
            {
                boxes.Add((new SKRectI(left, top, right, bottom), score));
            }
        }

        return boxes;
    }

    private static IEnumerable<int> Neighbours(int x, int y, int width, int height)
    {
        if (x > 0) yield return (y * width) + x - 1;
        if (x < width - 1) yield return (y * width) + x + 1;
        if (y > 0) yield return ((y - 1) * width) + x;
        if (y < height - 1) yield return ((y + 1) * width) + x;
    }

    private static int RoundTo32(float side) => Math.Max(32, (int)Math.Round(side / 32) * 32);
}
