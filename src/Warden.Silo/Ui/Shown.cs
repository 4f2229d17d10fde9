using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Warden.Silo.Ui;

/// <summary>
/// User-controlled text on staff pages. Every value sits in its own <c>&lt;bdi&gt;</c>, so a right-to-left
/// override inside it cannot reorder what is around it; names and keys also spell out invisible control and
/// format characters (<c>pin:⟨U+202E⟩gnp.exe</c>), because a reviewer must read a key as it is stored, not as
/// it renders. Razor encodes the text; nothing here writes user text as markup.
/// </summary>
public static class Shown
{
    /// <summary>Free text (evidence, notes, statements): isolated, characters kept.</summary>
    public static IHtmlContent Text(string? value) =>
        new HtmlContentBuilder().AppendHtml("<bdi>").Append(value ?? string.Empty).AppendHtml("</bdi>");

    /// <summary>A key or a name: isolated, with control and format characters made visible.</summary>
    public static IHtmlContent Name(string? value)
    {
        var html = new HtmlContentBuilder().AppendHtml("<bdi>");
        var run = new StringBuilder();
        foreach (var rune in (value ?? string.Empty).EnumerateRunes())
        {
            if (!IsHidden(rune))
            {
                run.Append(rune.ToString());
                continue;
            }

            html.Append(run.ToString());
            run.Clear();
            var code = $"U+{rune.Value:X4}";
            html.AppendHtml($"<span class=\"ctl\" title=\"{code}\">{code}</span>");
        }

        return html.Append(run.ToString()).AppendHtml("</bdi>");
    }

    /// <summary>Several names, each isolated on its own.</summary>
    public static IHtmlContent Names(IEnumerable<string> values, string separator = ", ")
    {
        var html = new HtmlContentBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                html.Append(separator);
            }

            html.AppendHtml(Name(value));
            first = false;
        }

        return html;
    }

    /// <summary>Control characters, format characters (bidi overrides, zero-width marks) and line or paragraph separators.</summary>
    public static bool IsHidden(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
