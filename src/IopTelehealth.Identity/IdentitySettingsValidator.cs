using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Identity;

/// <summary>
/// Refuses insecure identity settings in Production at start, naming the configuration key at fault.
/// Outside Production, missing keys are generated into the data folder instead.
/// </summary>
public sealed class IdentitySettingsValidator(IHostEnvironment environment) : IValidateOptions<IdentitySettings>
{
    public ValidateOptionsResult Validate(string? name, IdentitySettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Issuer is { IsAbsoluteUri: false })
        {
            failures.Add("Identity:Issuer must be an absolute URL.");
        }

        if (environment.IsProduction())
        {
            if (options.AllowInsecureHttp)
            {
                failures.Add("Identity:AllowInsecureHttp must be false in Production.");
            }

            if (options.Issuer is { IsAbsoluteUri: true } issuer && issuer.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Identity:Issuer must be an https:// URL in Production.");
            }

            if (string.IsNullOrWhiteSpace(options.SigningKeyPem))
            {
                failures.Add("Identity:SigningKeyPem is required in Production (an RSA private key in PEM).");
            }

            if (string.IsNullOrWhiteSpace(options.EncryptionKeyPem))
            {
                failures.Add("Identity:EncryptionKeyPem is required in Production (an RSA private key in PEM).");
            }

            if (string.IsNullOrWhiteSpace(options.WebClientSecret) || options.WebClientSecret.Length < 32)
            {
                failures.Add("Identity:WebClientSecret is required in Production (at least 32 characters).");
            }
        }
        else if (options.Issuer is { IsAbsoluteUri: true } issuer && issuer.Scheme != Uri.UriSchemeHttps && !options.AllowInsecureHttp)
        {
            failures.Add("Identity:Issuer is http:// but Identity:AllowInsecureHttp is false.");
        }

        failures.AddRange(PemProblems("Identity:SigningKeyPem", options.SigningKeyPem));
        failures.AddRange(PemProblems("Identity:EncryptionKeyPem", options.EncryptionKeyPem));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> PemProblems(string key, string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            yield break;
        }

        if (!Keys.TokenKeys.TryParseRsa(pem, out _))
        {
            yield return $"{key} is not an RSA private key in PEM.";
        }
    }
}
