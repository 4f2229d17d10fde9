using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Validation;

namespace Warden.Core.Labels.Import;

/// <summary>
/// Streams a label file row by row, JSON Lines (<c>.jsonl</c>) or CSV with a header (<c>.csv</c>), so a
/// file of millions of rows is never held in memory. A row that cannot be read becomes an error row;
/// the rest of the file goes on. Catalog rules (known policy, enforcement …) are checked by the entity.
/// </summary>
public static class LabelFileReader
{
    public const string CsvHeader = "entity,source_system,source_kind,source_name,enforcement,policy,created_at,expires_at,confidence,evidence";

    public static IAsyncEnumerable<LabelFileRow> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => ReadJsonLinesAsync(path, cancellationToken),
            ".csv" => ReadCsvAsync(path, cancellationToken),
            var other => throw new ArgumentException($"Unsupported label file type '{other}': use .jsonl or .csv.", nameof(path)),
        };

    private static async IAsyncEnumerable<LabelFileRow> ReadJsonLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return ParseJson(line, text);
            }
        }
    }

    private static LabelFileRow ParseJson(long line, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var row = json.RootElement;
            if (row.ValueKind != JsonValueKind.Object)
            {
                return Error(line, null, "Row", "must be a JSON object");
            }

            var source = row.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            return Build(line, new RawRow(
                Text(row, "entity"), Text(source, "system"), Text(source, "kind"), Text(source, "name"), Text(row, "enforcement"),
                Text(row, "policy"), Text(row, "createdAt"), Text(row, "expiresAt"), Text(row, "confidence"), Text(row, "evidence")));
        }
        catch (JsonException e)
        {
            return Error(line, null, "Row", "is not valid JSON: " + e.Message);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static async IAsyncEnumerable<LabelFileRow> ReadCsvAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        await csv.ReadAsync();
        csv.ReadHeader();
        var missing = CsvHeader.Split(',').Where(h => !csv.HeaderRecord!.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: the CSV header lacks {string.Join(", ", missing)}; expected: {CsvHeader}");
        }

        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? Field(string name) => csv.GetField(name) is { Length: > 0 } value ? value : null;
            yield return Build(csv.Parser.RawRow, new RawRow(
                Field("entity"), Field("source_system"), Field("source_kind"), Field("source_name"), Field("enforcement"),
                Field("policy"), Field("created_at"), Field("expires_at"), Field("confidence"), Field("evidence")));
        }
    }

    private sealed record RawRow(string? Entity, string? System, string? Kind, string? Name, string? Enforcement,
        string? Policy, string? CreatedAt, string? ExpiresAt, string? Confidence, string? Evidence);

    private static LabelFileRow Build(long line, RawRow raw)
    {
        var errors = new List<FieldError>();
        Require(errors, "entity", raw.Entity);
        Require(errors, "source.system", raw.System);
        Require(errors, "source.name", raw.Name);
        Require(errors, "enforcement", raw.Enforcement);
        Require(errors, "policy", raw.Policy);
        var kind = raw.Kind?.ToLowerInvariant() switch
        {
            "automated" => SourceKind.Automated,
            "human" => SourceKind.Human,
            _ => (SourceKind?)null,
        };
        if (kind is null)
        {
            errors.Add(new FieldError("source.kind", $"must be automated or human, not '{raw.Kind}'"));
        }

        var createdAt = Time(errors, "createdAt", raw.CreatedAt, required: true);
        var expiresAt = Time(errors, "expiresAt", raw.ExpiresAt, required: false);
        double? confidence = null;
        if (raw.Confidence is not null)
        {
            if (double.TryParse(raw.Confidence, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                confidence = parsed;
            }
            else
            {
                errors.Add(new FieldError("confidence", $"'{raw.Confidence}' is not a number"));
            }
        }

        if (errors.Count > 0)
        {
            return new LabelFileRow(line, raw.Entity, null, errors);
        }

        return new LabelFileRow(line, raw.Entity, new Label
        {
            Source = new LabelSource(raw.System!, kind!.Value, raw.Name!),
            Enforcement = raw.Enforcement!,
            Policy = raw.Policy!,
            CreatedAt = createdAt!.Value,
            ExpiresAt = expiresAt,
            Confidence = confidence,
            Evidence = raw.Evidence,
        }, []);
    }

    private static void Require(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "is required"));
        }
    }

    private static DateTimeOffset? Time(List<FieldError> errors, string field, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new FieldError(field, "is required (an ISO 8601 time), so that re-importing the file changes nothing"));
            }

            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(field, $"'{value}' is not an ISO 8601 time"));
        return null;
    }

    private static LabelFileRow Error(long line, string? entity, string field, string message) =>
        new(line, entity, null, [new FieldError(field, message)]);
}
