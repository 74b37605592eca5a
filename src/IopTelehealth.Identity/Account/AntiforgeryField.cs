using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace IopTelehealth.Identity.Account;

/// <summary>The hidden antiforgery field of a form posted to a minimal-API handler.</summary>
public sealed record AntiforgeryField(string FieldName, string Value)
{
    public static AntiforgeryField For(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? "");
    }
}
