using System.Security.Cryptography;
using Warden.Abstractions.Scoring;

namespace Warden.Silo.Api;

/// <summary>A submission as JSON: images as base64 (multipart/form-data takes them as files instead).</summary>
public sealed record SubmitRequest(
    string? IdempotencyKey,
    string? Text,
    IReadOnlyList<ImageRequest>? Images,
    string? Author,
    string? Surface,
    string? Community,
    string? Locale);

public sealed record ImageRequest(string? Name, byte[]? Data);

/// <summary>A stored submission as the facade returns it: the verdict, and each image described rather than echoed.</summary>
public sealed record ContentResponse(
    string Entity,
    string IdempotencyKey,
    ContentStatus Status,
    ContentVerdict? Verdict,
    string? ReviewQueue,
    string? ReviewJobId,
    string? ReviewReason,
    DateTimeOffset ReceivedAt,
    string? Text,
    IReadOnlyList<ImageInfo> Images,
    bool Duplicate = false,
    int Attempts = 0,
    string? FailureReason = null)
{
    public static ContentResponse From(ContentRecord record, bool duplicate = false) => new(
        record.Entity,
        record.Submission.IdempotencyKey,
        record.Status,
        record.Verdict,
        record.ReviewQueue,
        record.ReviewJobId,
        record.ReviewReason,
        record.ReceivedAt,
        record.Submission.Text,
        [.. record.Submission.Images.Select(i => new ImageInfo(i.Name, i.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(i.Bytes))))],
        duplicate,
        record.Attempts,
        record.FailureReason);
}

public sealed record ImageInfo(string? Name, int Bytes, string Sha256);

/// <summary>A bank import as JSON.</summary>
/// <param name="MatchRotationsAndFlips">Also match rotated and flipped copies of the banked images (default false).</param>
public sealed record BankImportRequest(string? Policy, string? Enforcement, int? Threshold, IReadOnlyList<HashBankEntry>? Entries, bool? MatchRotationsAndFlips = null);
