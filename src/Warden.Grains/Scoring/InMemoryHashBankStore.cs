using System.Collections.Concurrent;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>The development store: this process's memory (one silo).</summary>
public sealed class InMemoryHashBankStore : IHashBankStore
{
    private readonly ConcurrentDictionary<string, Dictionary<(HashKind, string), HashBankEntry>> _banks = new();

    public Task WriteAsync(string bank, int version, IReadOnlyList<HashBankEntry> entries, bool replace)
    {
        var current = _banks.GetOrAdd(bank, _ => []);
        lock (current)
        {
            if (replace)
            {
                current.Clear();
            }

            foreach (var entry in entries)
            {
                current[(entry.Kind, entry.Hash)] = entry;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HashBankEntry>> ReadAsync(string bank)
    {
        if (!_banks.TryGetValue(bank, out var current))
        {
            return Task.FromResult<IReadOnlyList<HashBankEntry>>([]);
        }

        lock (current)
        {
            return Task.FromResult<IReadOnlyList<HashBankEntry>>([.. current.Values]);
        }
    }

    public async Task<(int Pdq, int Sha256)> CountAsync(string bank)
    {
        var entries = await ReadAsync(bank);
        return (entries.Count(e => e.Kind == HashKind.Pdq), entries.Count(e => e.Kind == HashKind.Sha256));
    }
}
