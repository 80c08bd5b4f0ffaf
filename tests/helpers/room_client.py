"""A phone, as the room server sees it: plain HTTP on loopback, a cookie, the page's forms.

No browser and no third-party client: :mod:`http.client`, one connection per request, the
phone's cookies kept by hand (the server sets ``phone`` and ``lang``).
"""

from __future__ import annotations

import http.client
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str

    @property
    def form_token(self) -> str:
        found = re.search(r'name="csrf" value="([^"]+)"', self.body)
        assert found, f"no form in the page:\n{self.body[:500]}"
        return found.group(1)


@dataclass
class Phone:
    """One participant's phone talking to ``base`` (``http://host:port``)."""

    base: str
    cookies: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
            received = {k.lower(): v for k, v in response.getheaders()}
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";")[0]
            return Answer(response.status, received, data.decode("utf-8", "replace"))
        finally:
            conn.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        return self.request("GET", path, headers=headers)

    def post_form(self, path: str, fields: dict[str, str]) -> Answer:
        return self.request(
            "POST",
            path,
            urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def write(self, token_path: str, text: str) -> Answer:
        """Open the page, post a post-it through its form; the answer to the POST (303)."""
        page = self.get(token_path)
        assert page.status == 200, page.body[:300]
        return self.post_form(f"{token_path}/post", {"csrf": page.form_token, "text": text})
