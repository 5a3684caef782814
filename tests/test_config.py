"""Settings precedence: defaults < localchat.toml < LOCALCHAT_* < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from localchat.config import Config, load_config
from localchat.errors import ConfigError

pytestmark = pytest.mark.fast  # no test here loads a model


def test_precedence(tmp_path: Path) -> None:
    (tmp_path / "localchat.toml").write_text('posts = "blog"\nk = 3\nbase_url = "https://toml.example"\nn_ctx = 2048\n')
    env = {"LOCALCHAT_K": "7", "LOCALCHAT_INCLUDE_DRAFTS": "yes", "LOCALCHAT_N_CTX": "8192"}
    config = load_config(cwd=tmp_path, environ=env, n_ctx=1024, base_url=None)
    assert config.posts == tmp_path / "blog"  # from the file, relative to it
    assert config.k == 7  # env beats file
    assert config.include_drafts is True
    assert config.n_ctx == 1024  # flag beats env
    assert config.base_url == "https://toml.example"  # a flag left unset changes nothing
    assert load_config(cwd=tmp_path / "elsewhere", environ={}) == Config()


def test_bad_settings_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'k'"):
        load_config(cwd=tmp_path, environ={"LOCALCHAT_K": "many"})
    (tmp_path / "localchat.toml").write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_config(cwd=tmp_path, environ={})
    (tmp_path / "localchat.toml").write_text("posts = \n")
    with pytest.raises(ConfigError, match="localchat.toml"):
        load_config(cwd=tmp_path, environ={})


def test_the_settings_reference_is_every_setting_as_config_says() -> None:
    import dataclasses

    from localchat.config import Config, reference

    doc = (Path(__file__).resolve().parent.parent / "docs" / "settings.md").read_text(encoding="utf-8")
    assert doc == reference(), "docs/settings.md is stale: regenerate it from localchat.config.reference()"
    for f in dataclasses.fields(Config):
        assert f"| `{f.name}` | `LOCALCHAT_{f.name.upper()}` |" in doc, f.name


def test_a_secret_is_read_from_the_environment_never_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "localchat.toml").write_text('llm_api_key = "s3cret"\n')
    with pytest.raises(ConfigError, match="LOCALCHAT_LLM_API_KEY in the environment"):
        load_config(cwd=tmp_path, environ={})
    (tmp_path / "localchat.toml").write_text("")
    config = load_config(cwd=tmp_path, environ={"LOCALCHAT_LLM_API_KEY": "s3cret"})
    assert config.llm_api_key == "s3cret" and "s3cret" not in repr(config)
