using Warden.Core.Access;

namespace Warden.Core.Tests.Access;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void A_generated_key_parses_back_and_matches_only_its_own_hash()
    {
        var (id, key, hash) = ApiKeySecrets.Generate();
        var (otherId, _, otherHash) = ApiKeySecrets.Generate();

        var parsed = ApiKeySecrets.Parse(key);

        parsed.Should().NotBeNull();
        parsed!.Value.Id.Should().Be(id).And.NotBe(otherId);
        ApiKeySecrets.Matches(parsed.Value.Secret, hash).Should().BeTrue();
        ApiKeySecrets.Matches(parsed.Value.Secret, otherHash).Should().BeFalse();
        key.Should().StartWith("wdn_").And.HaveLength(4 + 12 + 1 + 43);
        hash.Should().NotContain(parsed.Value.Secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer wdn_0123456789ab_secret")]
    [InlineData("wdn_short_secret")]
    [InlineData("wdn_0123456789ab_")]
    [InlineData("xyz_0123456789ab_secret")]
    public void Anything_not_shaped_like_a_key_is_not_parsed(string? presented) =>
        ApiKeySecrets.Parse(presented).Should().BeNull();
}
