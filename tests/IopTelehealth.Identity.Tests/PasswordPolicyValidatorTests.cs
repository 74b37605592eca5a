using IopTelehealth.Identity.Passwords;
using IopTelehealth.Identity.Users;

namespace IopTelehealth.Identity.Tests;

public sealed class PasswordPolicyValidatorTests
{
    private static readonly AppUser User = new() { Email = "jordan.alvarez@example.org", UserName = "jordan.alvarez@example.org" };
    private readonly PasswordPolicyValidator _validator = new(CommonPasswordList.Shipped);

    [Theory]
    [InlineData("Demo-Recovery-2026!")]
    [InlineData("correct horse battery staple")]
    [InlineData("my dog likes the river walk")]
    [InlineData("ZQ8-vx!4pLm2 r")]
    public async Task Long_uncommon_passphrases_pass_without_composition_rules(string password)
    {
        var result = await _validator.ValidateAsync(null!, User, password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("qwertyuiopas")]
    [InlineData("123456789012")]
    [InlineData("iloveyou1234")]
    [InlineData("Welcome2026!!")]
    [InlineData("!!Sobriety2026")]
    public async Task Common_passwords_and_common_words_padded_with_digits_or_symbols_are_refused(string password)
    {
        var result = await _validator.ValidateAsync(null!, User, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code is PasswordPolicyValidator.CommonCode or PasswordPolicyValidator.PredictableCode);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("abcdefghijklmn")]
    [InlineData("zyxwvutsrqponm")]
    [InlineData("567890123456")]
    public async Task Repetitive_and_sequential_strings_are_refused(string password)
    {
        var result = await _validator.ValidateAsync(null!, User, password);

        Assert.Equal(PasswordPolicyValidator.PredictableCode, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("jordan.alvarez-rocks")]
    [InlineData("my ioptelehealth login")]
    public async Task Passwords_containing_the_account_name_or_service_are_refused(string password)
    {
        var result = await _validator.ValidateAsync(null!, User, password);

        Assert.Equal(PasswordPolicyValidator.ContextCode, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void The_shipped_list_is_loaded_and_case_insensitive()
    {
        Assert.True(CommonPasswordList.Shipped.Count > 300);
        Assert.True(CommonPasswordList.Shipped.Contains("PASSWORD"));
        Assert.False(CommonPasswordList.Shipped.Contains("# commonly used"));
    }
}
