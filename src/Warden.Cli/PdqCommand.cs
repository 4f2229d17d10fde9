using System.CommandLine;
using Warden.Scoring.Hashing;

namespace Warden.Cli;

/// <summary><c>warden pdq FILE…</c>: one line per image, "HASH QUALITY FILE", as hash-sharing tools print it.</summary>
internal static class PdqCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "PNG or JPEG images", Arity = ArgumentArity.OneOrMore };
        var command = new Command("pdq", "Print the PDQ hash (64 hex digits) and quality (0-100) of each image") { files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var result = PdqHasher.Hash(await File.ReadAllBytesAsync(file.FullName, cancellationToken));
                    Console.WriteLine($"{result.Hash} {result.Quality} {file.Name}");
                }
                catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"{file.Name}: {error.Message}");
                }
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
