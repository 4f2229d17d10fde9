using System.Text.Json;
using Warden.Abstractions.Scoring;
using Warden.Grains.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Scoring;

/// <summary>A content record as stored in <c>content_items.record</c>: image bytes live in <c>content_images</c>.</summary>
public static class ContentJson
{
    // The stored-JSON conventions every Warden table uses.
    private static JsonSerializerOptions Options => StoredJson.Options;

    public static string Write(ContentRecord record) =>
        JsonSerializer.Serialize(record with { Submission = record.Submission with { Images = [] } }, Options);

    public static ContentRecord Read(string json, IReadOnlyList<SubmittedImage> images)
    {
        var record = JsonSerializer.Deserialize<ContentRecord>(json, Options) ?? throw new InvalidDataException("empty content record");
        return record with { Submission = record.Submission with { Images = [.. images] } };
    }
}
