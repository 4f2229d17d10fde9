using Warden.Scoring.Text;

namespace Warden.Scoring.Tests.Text;

public sealed class CharacterClassDriftTests
{
    [Fact]
    public void Text_like_the_baseline_does_not_drift_and_a_new_script_does()
    {
        var drift = new CharacterClassDrift(windowCharacters: 1_000);
        for (var i = 0; i < 40; i++)
        {
            drift.Observe("Great pin, thanks for sharing! See you at 10.");
        }

        drift.Divergence.Should().BeLessThan(0.01);
        for (var i = 0; i < 40; i++)
        {
            drift.Observe("Отличный пин, спасибо что поделились! Увидимся в 10.");
        }

        drift.Divergence.Should().BeGreaterThan(0.3);
    }

    [Fact]
    public void Identical_distributions_have_zero_divergence_and_disjoint_ones_one()
    {
        CharacterClassDrift.JensenShannon([0.5, 0.5], [0.5, 0.5]).Should().Be(0);
        CharacterClassDrift.JensenShannon([1, 0], [0, 1]).Should().BeApproximately(1, 1e-9);
    }
}
