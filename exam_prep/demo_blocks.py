"""The StreamField blocks the demo exam pages are written with, in Russian
(``demo.py``) and in English (``demo_english.py``)."""


def paragraph(text):
    return {"type": "paragraph", "value": text}


def formula(latex, caption=""):
    return {"type": "math", "value": {"latex": latex, "label": "", "caption": caption}}


def example(title, statement, solution, answer):
    return {
        "type": "solved_problem",
        "value": {
            "title": title,
            "statement": statement,
            "hint": "",
            "solution": solution,
            "answer": answer,
        },
    }


def problem(statement, answers, solution):
    return {
        "type": "problem",
        "value": {"statement": statement, "answers": answers, "solution": solution},
    }


def document(kind, url, title=""):
    """An official document of the exam (FIPI's specification, demo paper) by link."""
    return {
        "type": "document",
        "value": {"kind": kind, "title": title, "document": None, "url": url},
    }
