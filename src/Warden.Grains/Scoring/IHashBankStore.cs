using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>The hashes of every bank (<c>hash_bank_entries</c>): written by the config grain, read by each silo's matcher.</summary>
public interface IHashBankStore
{
    /// <summary>Adds entries (an existing hash keeps its row, label updated); all others removed first when <paramref name="replace"/>.</summary>
    Task WriteAsync(string bank, int version, IReadOnlyList<HashBankEntry> entries, bool replace);

    Task<IReadOnlyList<HashBankEntry>> ReadAsync(string bank);

    Task<(int Pdq, int Sha256)> CountAsync(string bank);
}
