using System.CommandLine;
using Warden.Abstractions.Scoring;
using Warden.Client;

namespace Warden.Cli;

/// <summary><c>warden banks import FILE --bank NAME …</c>: adds a file of hashes to a bank as its next version.</summary>
internal static class BanksImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "One hash per line: 64 hex digits, then optionally a label; # starts a comment" };
        var bank = new Option<string>("--bank") { Description = "The bank's name", Required = true };
        var policy = new Option<string>("--policy") { Description = "The policy a match is evidence for", Required = true };
        var enforcement = new Option<string>("--enforcement") { Description = "The enforcement a match applies", DefaultValueFactory = _ => "block" };
        var kind = new Option<HashKind>("--kind") { Description = "Pdq (perceptual) or Sha256 (exact bytes)", DefaultValueFactory = _ => HashKind.Pdq };
        var threshold = new Option<int>("--threshold") { Description = "Largest PDQ distance that matches", DefaultValueFactory = _ => 31 };
        var rotations = new Option<bool>("--rotations") { Description = "Also match rotated and flipped copies (the 8 dihedral variants of each submitted image)" };
        var replace = new Option<bool>("--replace") { Description = "Replace the bank's hashes instead of adding to them" };
        var actor = new Option<string>("--actor") { DefaultValueFactory = _ => "cli:" + Environment.UserName };
        var connection = new ConnectionOptions();
        var command = new Command("import", "Import hashes into a bank; every silo matches them within seconds") { file, bank, policy, enforcement, kind, threshold, rotations, replace, actor };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var entries = new List<HashBankEntry>();
            foreach (var line in await File.ReadAllLinesAsync(parse.GetValue(file)!.FullName, cancellationToken))
            {
                var content = line.Split('#', 2)[0].Trim();
                if (content.Length > 0)
                {
                    var parts = content.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
                    entries.Add(new HashBankEntry(parse.GetValue(kind), parts[0].ToLowerInvariant(), parts.Length > 1 ? parts[1] : null));
                }
            }

            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var info = new HashBankInfo { Name = parse.GetValue(bank)!, Policy = parse.GetValue(policy)!, Enforcement = parse.GetValue(enforcement)!, Threshold = parse.GetValue(threshold), MatchRotationsAndFlips = parse.GetValue(rotations) };
            var result = await client.Grains.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey).ImportBank(info, entries, parse.GetValue(replace), parse.GetValue(actor)!);
            return Report.Print(result, $"{info.Name}: {entries.Count} hashes imported as version {result.Version}");
        });
        return command;
    }
}
