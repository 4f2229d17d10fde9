using Warden.Abstractions.Scoring;
using Warden.Core.Labels;
using Warden.Core.Scoring;
using Warden.Abstractions.Validation;

namespace Warden.Core.Tests.Scoring;

public sealed class SubmissionValidatorTests
{
    private static readonly CatalogView Catalog = new(DefaultPolicyCatalog.Create());
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];

    private static IReadOnlyList<FieldError> Check(ContentSubmission submission, SubmissionLimits? limits = null) =>
        SubmissionValidator.Validate(submission, "pin:1", Catalog, limits ?? new SubmissionLimits());

    [Fact]
    public void A_good_submission_passes()
    {
        Check(new ContentSubmission { IdempotencyKey = "k", Text = "hello", Images = [new SubmittedImage(Png)], Author = "user:1", Surface = "home_feed", Locale = "pt-BR", Actor = "svc" })
            .Should().BeEmpty();
    }

    [Fact]
    public void Limits_are_configurable_and_named()
    {
        var limits = new SubmissionLimits { MaxTextLength = 5, MaxImages = 1, MaxImageBytes = 4 };
        var errors = Check(new ContentSubmission { IdempotencyKey = "k", Text = "too long", Images = [new SubmittedImage(Png), new SubmittedImage(Png)], Actor = "svc" }, limits);
        errors.Select(e => e.Field).Should().BeEquivalentTo(["Text", "Images", "Images[0]"]);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)] // <svg: scripts can live in SVG
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)] // %PDF
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C }, null)] // <html
    public void Only_raster_image_signatures_are_accepted_and_their_type_comes_from_the_bytes(byte[] bytes, string? mediaType)
    {
        ImageSniffer.MediaType(bytes).Should().Be(mediaType);
        SubmissionValidator.LooksLikeImage(bytes).Should().Be(mediaType is not null);
    }

    [Fact]
    public void The_entity_itself_must_be_a_known_type()
    {
        SubmissionValidator.Validate(new ContentSubmission { IdempotencyKey = "k", Text = "x", Actor = "svc" }, "spaceship:1", Catalog, new SubmissionLimits())
            .Should().NotBeEmpty();
    }
}
