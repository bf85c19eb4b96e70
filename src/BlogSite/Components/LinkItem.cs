namespace BlogSite.Components;

/// <summary>A label and the address it links to, built by the page from routing.</summary>
public sealed record LinkItem(string Text, string Href);
