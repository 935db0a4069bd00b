"""The library's standard roles: their display names and the phrases people type for them.

Example:
    >>> STANDARD_ROLES["ml-ai-engineer"], "swe" in ROLE_ALIASES["software-engineer"]
    ('ML/AI Engineer', True)

A table, not mined: these are the words of the job titles themselves, which no guide lists as
aliases. The vocabulary (vocabulary.py) adds each guide's own role names to them.
"""

from __future__ import annotations

# Aliases people type for the library's standard roles (role slug -> phrases).
ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "software-engineer": ("swe", "sde", "software engineer", "software developer", "developer",
                          "software engineering", "software dev",
                          # the specialties of the same ladder and pay
                          "backend engineer", "back-end engineer", "backend developer",
                          "frontend engineer", "front-end engineer", "frontend developer",
                          "full stack engineer", "full-stack engineer", "fullstack engineer",
                          "full stack developer", "web developer", "mobile engineer",
                          "ios engineer", "android engineer", "ios developer",
                          "android developer"),
    "senior-software-engineer": ("senior swe", "senior software engineer", "senior engineer",
                                 "sr swe", "sr software engineer", "senior sde", "sr engineer"),
    "staff-software-engineer": ("staff swe", "staff engineer", "staff software engineer",
                                "principal engineer", "principal software engineer",
                                "principal sde", "principal swe"),
    "ml-ai-engineer": ("mle", "ml engineer", "ml eng", "ml/ai engineer", "ml ai engineer",
                       "ai engineer", "machine learning engineer", "ai/ml engineer", "ml/ai",
                       "ai/ml"),
    "data-scientist": ("ds", "data scientist", "data science"),
    "data-engineer": ("data engineer", "data engineering", "data eng"),
    "product-manager": ("pm", "product manager", "product management"),
    "technical-program-manager": ("tpm", "technical program manager"),
    "engineering-manager": ("em", "engineering manager", "eng manager", "engineering mgr"),
    "devops-engineer": ("devops", "devops engineer", "devops eng", "sre",
                        "site reliability engineer"),
    "security-engineer": ("security engineer", "appsec", "security eng", "application security"),
    "product-designer": ("product designer", "designer", "ux designer", "ui designer"),
    "solutions-architect": ("solutions architect", "solution architect"),
}

# Display names of the standard roles, so a role is recognised even where no guide covers it.
STANDARD_ROLES: dict[str, str] = {
    "software-engineer": "Software Engineer",
    "senior-software-engineer": "Senior Software Engineer",
    "staff-software-engineer": "Staff Software Engineer", "ml-ai-engineer": "ML/AI Engineer",
    "data-scientist": "Data Scientist", "data-engineer": "Data Engineer",
    "product-manager": "Product Manager", "technical-program-manager": "Technical Program Manager",
    "engineering-manager": "Engineering Manager", "devops-engineer": "DevOps Engineer",
    "security-engineer": "Security Engineer", "product-designer": "Product Designer",
    "solutions-architect": "Solutions Architect",
}
