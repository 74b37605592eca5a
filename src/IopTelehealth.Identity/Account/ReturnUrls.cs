namespace IopTelehealth.Identity.Account;

internal static class ReturnUrls
{
    /// <summary>Only same-site paths: an open redirect would hand a phishing page our sign-in.</summary>
    public static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";
}
