using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Warden.Abstractions.Scoring;
using Warden.Grains.Scoring;
using Warden.Integration.Tests.Infrastructure;
using static Warden.Integration.Tests.Scoring.ScoringFixtures;

namespace Warden.Integration.Tests.Scoring;

/// <summary>Rule and bank changes reach every silo's matcher within seconds, with no restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScoringHotPatchTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_rule_change_reaches_both_silos_within_five_seconds()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_hot"), "scoring-hot", silos: 2, Settings());
        var config = cluster.GrainFactory.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
        var engines = cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<ScoringEngine>()).ToList();
        const string Campaign = "Join the z3r0day crypto giveaway now";
        foreach (var engine in engines)
        {
            (await engine.ScoreAsync(new ScoringRequest("pin:1", Campaign, [], 0.5))).Categories.Should().NotContain(c => c.Evidence.Any(e => e.Kind == "keyword"));
        }

        var first = await config.PutRuleSet(new RuleSetDefinition { Name = "campaign-0423", Policy = "spam", Keywords = ["zeroday"], Weight = 0.9 }, 0, "user:lead");
        var stale = await config.PutRuleSet(new RuleSetDefinition { Name = "campaign-0423", Policy = "spam", Keywords = ["other"] }, 0, "user:lead");
        var invalid = await config.PutRuleSet(new RuleSetDefinition { Name = "Bad Name", Policy = "nope", Patterns = ["(unclosed"], WordLists = ["naughty-words/xx"], Weight = 2 }, 0, "user:lead");

        first.Saved.Should().BeTrue();
        stale.Errors.Should().ContainSingle().Which.Field.Should().Be("Version");
        invalid.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Name", "Policy", "Weight", "Patterns[0]", "WordLists[0]"]);
        var took = await WaitForEveryEngineAsync(cluster, (await config.Get()).Version, TimeSpan.FromSeconds(5));
        foreach (var engine in engines)
        {
            var spam = (await engine.ScoreAsync(new ScoringRequest("pin:1", Campaign, [], 0.5))).Categories.Single(c => c.Category == "spam");
            spam.Evidence.Should().Contain(e => e.Kind == "keyword" && e.Detail == "campaign-0423: zeroday", "z3r0day folds to zeroday");
        }

        took.Should().BeLessThan(TimeSpan.FromSeconds(5));

        (await config.RemoveRuleSet("campaign-0423", "user:lead")).Saved.Should().BeTrue();
        await WaitForEveryEngineAsync(cluster, (await config.Get()).Version, TimeSpan.FromSeconds(5));
        foreach (var engine in engines)
        {
            (await engine.ScoreAsync(new ScoringRequest("pin:1", Campaign, [], 0.5))).Categories.Should().NotContain(c => c.Evidence.Any(e => e.Kind == "keyword"));
        }
    }

    [Fact]
    public async Task Shadow_models_are_scored_without_acting_and_can_be_promoted()
    {
        await using var cluster = await WardenTestCluster.DeployAsync(await postgres.CreateDatabaseAsync("scoring_shadow"), "scoring-shadow", silos: 1, Settings());
        var config = cluster.GrainFactory.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
        var missing = await config.SetTextModel(new TextModelAssignment("/nonexistent.onnx"), "user:ml");
        var set = await config.SetTextModel(new TextModelAssignment(Warden.Testing.TrainedModels.SpamModelPath, Warden.Testing.TrainedModels.SpamModelPath), "user:ml");

        missing.Errors.Should().ContainSingle().Which.Message.Should().Contain("does not exist");
        set.Saved.Should().BeTrue();
        await WaitForEveryEngineAsync(cluster, (await config.Get()).Version, TimeSpan.FromSeconds(5));
        var result = await cluster.GrainFactory.Content("pin:shadow", "s").Submit(Text("s", ClearSpam));
        var spam = result.Content!.Verdict!.Categories.Single(c => c.Category == "spam");
        spam.ShadowScore.Should().NotBeNull();
        spam.ShadowScore!.Value.Should().BeApproximately(spam.Evidence.Single(e => e.Kind == "model").Value, 1e-6, "the same file in both roles scores the same");

        (await config.PromoteShadow("user:ml")).Saved.Should().BeTrue();
        (await config.Get()).TextModel.Should().Be(new TextModelAssignment(Warden.Testing.TrainedModels.SpamModelPath));
        (await config.PromoteShadow("user:ml")).Errors.Should().ContainSingle().Which.Field.Should().Be("ShadowPath");
    }
}
