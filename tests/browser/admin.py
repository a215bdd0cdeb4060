"""Steps a teacher takes in the Wagtail admin, shared by the browser tests."""

import re

from playwright.sync_api import expect


def log_in(page, url, username, password):
    page.goto(url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Войти").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def add_block(page, label):
    """Open the stream's "+" chooser and pick a block type by its label."""
    page.locator("button.c-sf-add-button:visible").last.click()
    page.wait_for_selector(".w-combobox__option")
    # The chooser floats over other panels; a DOM click reaches the option reliably.
    page.locator(".w-combobox__option:visible", has_text=label).first.dispatch_event("click")


def rich_text(page, field_id, text):
    """Type into the Draftail editor standing for the hidden input ``field_id``.

    Draftail writes the hidden input a moment after the keystrokes; the step waits for
    it, or a submit right after would send the field empty.
    """
    editor = page.locator(
        f"xpath=//input[@id='{field_id}']"
        "/ancestor::*[.//*[@contenteditable='true']][1]//*[@contenteditable='true']"
    )
    editor.click()
    editor.type(text)
    expect(page.locator(f"#{field_id}")).to_have_value(re.compile(re.escape(text[-10:])))


def publish(page):
    """Publish from the editor's footer menu and return the admin's message."""
    # A date picker left open by the last date field lies over the footer.
    page.locator("#id_title").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Опубликовать").click()
    messages = page.locator(".messages").inner_text()
    assert "опубликована" in messages, page.locator(".w-field--error").all_inner_texts()
    return messages
