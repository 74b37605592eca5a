using System.Globalization;
using System.Security.Claims;
using System.Text;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace IopTelehealth.Identity.Account;

/// <summary>
/// The half-signed-in state of a staff member who passed the password but has no second factor yet:
/// a short-lived cookie of its own that grants nothing but the enrolment page.
/// </summary>
public static class MfaEnrollment
{
    public const string Scheme = "Iop.MfaEnrollment";
    public const string Issuer = "IopTelehealth";

    public static Task BeginAsync(HttpContext context, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString())], Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static async Task<AppUser?> CurrentUserAsync(HttpContext context, UserManager<AppUser> users)
    {
        var result = await context.AuthenticateAsync(Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? null : await users.FindByIdAsync(id);
    }

    public static string AuthenticatorUri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>Groups of four, lower case, as authenticator apps show them.</summary>
    public static string Format(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}
