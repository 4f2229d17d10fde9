using SkiaSharp;
using Warden.Abstractions.Scoring;
using Warden.Scoring;
using Warden.Scoring.Training;

namespace Warden.SampleFeed;

/// <summary>
/// What the feed sends: the SpamAssassin -1 groups (the held-out -2 groups are for `evaluate` only) as comments, and every
/// tenth item also as a Pin whose image shows the text's first lines, so OCR has something to read.
/// </summary>
internal static class FeedItems
{
    public static IEnumerable<(string Entity, ContentSubmission Submission)> Load(int count, string run)
    {
        var assets = ScoringAssets.Locate();
        var spam = Corpus.Read(ScoringAssets.SpamCorpus(assets, "spam-1"));
        var ham = Corpus.Read(ScoringAssets.SpamCorpus(assets, "easy-ham-1"));
        var mixed = spam.Zip(ham).SelectMany(pair => new[] { pair.First, pair.Second }).Take(count);
        var i = 0;
        foreach (var item in mixed)
        {
            i++;
            var author = $"user:feed-{i % 40}";
            var text = item.Text.Length > 20_000 ? item.Text[..20_000] : item.Text;
            if (i % 10 == 0)
            {
                yield return ($"pin:feed-{run}-{i}", new ContentSubmission
                {
                    IdempotencyKey = item.Id,
                    Images = [new SubmittedImage(Render(text), "feed.png")],
                    Author = author,
                    Surface = "home_feed",
                    Locale = "en",
                    Actor = "sample-feed",
                });
            }
            else
            {
                yield return ($"comment:feed-{run}-{i}", new ContentSubmission { IdempotencyKey = item.Id, Text = text, Author = author, Locale = "en", Actor = "sample-feed" });
            }
        }
    }

    private static byte[] Render(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("Content-Type", StringComparison.OrdinalIgnoreCase) && l.Length > 3)
            .Select(l => l.Replace("Subject:", string.Empty, StringComparison.OrdinalIgnoreCase).Trim())
            .Select(l => l.Length > 48 ? l[..48] : l)
            .Take(4)
            .DefaultIfEmpty("(empty)")
            .ToArray();
        using var typeface = SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf") ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 28);
        using var bitmap = new SKBitmap(900, (lines.Length * 44) + 40);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(255, 250, 235));
            using var ink = new SKPaint { Color = new SKColor(30, 30, 40), IsAntialias = true };
            for (var l = 0; l < lines.Length; l++)
            {
                canvas.DrawText(lines[l], 24, 48 + (l * 44), SKTextAlign.Left, font, ink);
            }
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
