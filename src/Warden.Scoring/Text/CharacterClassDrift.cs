using System.Globalization;

namespace Warden.Scoring.Text;

/// <summary>
/// A drift signal for incoming text: the share of characters in each class (Latin letters, other
/// letters, digits, punctuation, symbols and emoji, whitespace, invisible) over a recent window,
/// compared with a baseline by Jensen–Shannon divergence (0 same, 1 disjoint). The baseline is the
/// first window seen unless one is given. A new script, an emoji flood or an invisible-character
/// evasion campaign moves it long before a model's accuracy is measured again. Thread-safe.
/// </summary>
public sealed class CharacterClassDrift(int windowCharacters = 200_000, double[]? baseline = null)
{
    public const int Classes = 7;
    private readonly Lock _gate = new();
    private readonly long[] _window = new long[Classes];
    private double[]? _baseline = baseline;
    private double[]? _recent;
    private long _windowTotal;

    public void Observe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Span<int> counts = stackalloc int[Classes];
        foreach (var c in text.Length > 4096 ? text.AsSpan(0, 4096) : text)
        {
            counts[ClassOf(c)]++;
        }

        lock (_gate)
        {
            for (var i = 0; i < Classes; i++)
            {
                _window[i] += counts[i];
                _windowTotal += counts[i];
            }

            if (_windowTotal >= windowCharacters)
            {
                var shares = _window.Select(v => v / (double)_windowTotal).ToArray();
                _baseline ??= shares;
                _recent = shares;
                Array.Clear(_window);
                _windowTotal = 0;
            }
        }
    }

    /// <summary>The divergence of the latest full window from the baseline; 0 until there are two windows.</summary>
    public double Divergence
    {
        get
        {
            lock (_gate)
            {
                return _baseline is null || _recent is null ? 0 : JensenShannon(_baseline, _recent);
            }
        }
    }

    public static int ClassOf(char c)
    {
        if (char.IsAsciiLetter(c)) return 0;
        if (char.IsLetter(c)) return 1;
        if (char.IsDigit(c)) return 2;
        if (char.IsPunctuation(c)) return 3;
        if (char.IsWhiteSpace(c)) return 5;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark ? 6 : 4;
    }

    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        double divergence = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var m = (p[i] + q[i]) / 2;
            if (p[i] > 0) divergence += 0.5 * p[i] * Math.Log2(p[i] / m);
            if (q[i] > 0) divergence += 0.5 * q[i] * Math.Log2(q[i] / m);
        }

        return Math.Clamp(divergence, 0, 1);
    }
}
