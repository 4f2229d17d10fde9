using System.Collections.Frozen;
using Warden.Abstractions.Scoring;
using Warden.Scoring.Fusion;
using Warden.Scoring.Hashing;

namespace Warden.Grains.Scoring;

/// <summary>One bank ready to match: its PDQ hashes indexed, its SHA-256 hashes in a set.</summary>
public sealed class LoadedBank
{
    private readonly PdqIndex _pdq;
    private readonly string?[] _pdqLabels;
    private readonly FrozenDictionary<string, string?> _sha256;

    public LoadedBank(HashBankInfo info, IReadOnlyList<HashBankEntry> entries)
    {
        Info = info;
        var pdq = entries.Where(e => e.Kind == HashKind.Pdq).ToList();
        _pdq = new PdqIndex([.. pdq.Select(e => Hash256.Parse(e.Hash))]);
        _pdqLabels = [.. pdq.Select(e => e.Label)];
        _sha256 = entries.Where(e => e.Kind == HashKind.Sha256).DistinctBy(e => e.Hash).ToFrozenDictionary(e => e.Hash, e => e.Label);
    }

    public HashBankInfo Info { get; }

    public IEnumerable<HashMatch> Match(string sha256, PdqResult? pdq)
    {
        if (_sha256.TryGetValue(sha256, out var label))
        {
            yield return new HashMatch(Info.Name, Info.Policy, Info.Enforcement, "sha256", 0, label);
        }

        if (pdq is { IsTrusted: true } trusted && _pdq.Count > 0)
        {
            // The image as submitted, and, where the bank asks for it, its rotations and flips: the closest wins.
            var queries = Info.MatchRotationsAndFlips && trusted.Dihedral is { } variants
                ? variants.Select((hash, v) => (Hash: hash, Kind: v == 0 ? "pdq" : $"pdq, image {PdqDihedral.Names[v]}"))
                : [(trusted.Hash, "pdq")];
            var best = queries
                .SelectMany(q => _pdq.Search(q.Hash, Info.Threshold).Select(m => (m.Id, m.Distance, q.Kind)))
                .OrderBy(m => m.Distance)
                .Take(1);
            foreach (var (id, distance, kind) in best)
            {
                yield return new HashMatch(Info.Name, Info.Policy, Info.Enforcement, kind, distance, _pdqLabels[id]);
            }
        }
    }
}
