using Warden.Testing;
using Warden.Scoring.Models;
using Warden.Scoring.Ocr;

namespace Warden.Scoring.Tests.Ocr;

public sealed class PaddleOcrTests
{
    private static readonly Lazy<PaddleOcr> Ocr = new(() => new PaddleOcr(ScoringAssets.OcrModels(ScoringAssets.Locate()), ExecutionProvider.CreateOptions("cpu", 2)));

    private static string Squash(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [Fact]
    public void Reads_rendered_lines_in_order()
    {
        using var image = TestImages.Text("CHEAP PILLS ONLINE", "Visit cheap-meds today");
        var lines = Ocr.Value.Read(TestImages.Encode(image));
        Squash(string.Join(' ', lines.Select(l => l.Text))).Should().Be(Squash("CHEAP PILLS ONLINE Visit cheap-meds today"));
        lines.Should().OnlyContain(l => l.Confidence > 0.5f);
    }

    [Fact]
    public void An_image_without_text_reads_nothing()
    {
        using var scene = new SkiaSharp.SKBitmap(320, 240);
        scene.Erase(new SkiaSharp.SKColor(40, 120, 200));
        Ocr.Value.ReadText(TestImages.Encode(scene)).Should().BeEmpty();
    }
}
