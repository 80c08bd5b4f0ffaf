"""Publishing an event: Decidim/ParteciPA proposals and closing report, open data."""
