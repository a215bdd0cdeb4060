"""A machine translator for tests: a fixed glossary, no network."""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

GLOSSARY = {"Условная вероятность": "Conditional probability"}


class GlossaryTranslator(BaseMachineTranslator):
    """Translates the glossary's strings; any other string comes back marked ``[en]``."""

    display_name = "Glossary"

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(GLOSSARY.get(string.data, f"[en] {string.data}"))
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code == "ru" and target_locale.language_code == "en"
