using Warden.Core.Access;

namespace Warden.Core.Tests.Access;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(["password", "qwertyuiop", "dragon", "1qaz2wsx3edc", "abc"]);

    [Theory]
    [InlineData("password1234", "commonest")]
    [InlineData("Password1234!", "commonest")]
    [InlineData("2024dragon!!!!", "commonest")]
    [InlineData("1QAZ2WSX3EDC", "commonest")]
    [InlineData("qwertyqwerty", "repeats")]
    [InlineData("121212121212", "repeats")]
    [InlineData("aaaaaaaaaaaaaaaa", "repeats")]
    [InlineData("LenaSmith-is-here", "username")]
    [InlineData("short", "characters")]
    public void Refuses_what_an_attacker_tries_first(string password, string reason) =>
        Policy.Check(password, "lenasmith").Should().ContainSingle().Which.Message.Should().Contain(reason);

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("abc-kettle-under-stairs")]
    [InlineData("password manager made this: 7fQ2")]
    public void Accepts_passphrases_even_when_a_short_common_word_is_inside(string password) =>
        Policy.Check(password, "lenasmith").Should().BeEmpty();

    [Fact]
    public void A_two_letter_username_may_appear_in_a_password() =>
        Policy.Check("always a kettle", "al").Should().BeEmpty();
}
