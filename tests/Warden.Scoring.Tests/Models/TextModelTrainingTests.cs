using Warden.Scoring.Models;
using Warden.Scoring.Training;

namespace Warden.Scoring.Tests.Models;

public sealed class TextModelTrainingTests(TrainedSpamModel trained) : IClassFixture<TrainedSpamModel>
{
    [Fact]
    public void The_trained_model_serves_under_the_contract_with_tuned_thresholds()
    {
        using var model = TextClassifier.Load(trained.Path);
        model.Contract.Categories.Should().Equal("spam");
        var thresholds = model.Contract.Thresholds["spam"];
        thresholds.Review.Should().BeLessThan(thresholds.Block);
        trained.Report.CrossValidatedBlock.Precision.Should().BeGreaterThanOrEqualTo(0.998);
    }

    [Fact]
    public void Training_refuses_the_held_out_groups()
    {
        Corpus.IsHeldOut("/x/spam-2").Should().BeTrue();
        Corpus.IsHeldOut("/x/easy-ham-1/").Should().BeFalse();
        var heldOut = ScoringAssets.SpamCorpus(ScoringAssets.Locate(), "spam-2");
        FluentActions.Invoking(() => Corpus.Read(heldOut)).Should().Throw<InvalidOperationException>().WithMessage("*only the final report*");
        Corpus.ReadForEvaluation(heldOut).Should().NotBeEmpty("evaluate reads it for the final report");
    }

    [Fact]
    public void Emails_become_subject_and_body()
    {
        var content = Corpus.AsContent("From a@b  Mon\nReceived: from relay\n\tby host\nSubject: Cheap pills\nContent-Type: text/plain\n\nBuy now\n\nSecond paragraph");
        content.Should().Contain("Subject: Cheap pills").And.Contain("Buy now").And.Contain("Second paragraph").And.NotContain("relay");
        Corpus.AsContent("Just a note\n\nwith paragraphs").Should().Be("Just a note\n\nwith paragraphs");
    }
}
