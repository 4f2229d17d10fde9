using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Warden.Scoring.Ocr;

internal static class OcrTensors
{
    /// <summary>[1, 3, h, w] in PaddleOCR's channel order (B, G, R), each channel (v/255 − mean) / std.</summary>
    public static DenseTensor<float> Normalized(SKBitmap rgba, float[] mean, float[] std, int paddedWidth = 0)
    {
        int width = rgba.Width, height = rgba.Height, outWidth = Math.Max(width, paddedWidth);
        var tensor = new DenseTensor<float>([1, 3, height, outWidth]);
        var pixels = rgba.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rgba.RowBytes, width * 4);
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var value = row[(x * 4) + (2 - c)] / 255f; // c = 0 reads B
                    tensor[0, c, y, x] = (value - mean[c]) / std[c];
                }
            }
        }

        return tensor;
    }
}
