<?xml version="1.0" encoding="utf-8"?>
<!--
    Shows the portal's RSS 2.0 and Atom feeds as a readable page when a visitor opens
    one in a browser; feed readers ignore it. The feed names this file (and the page's
    stylesheet, feed.css) in <?xml-stylesheet?> instructions. The few interface words
    follow the feed's language (Russian, or English for feeds of the English site).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom"
                exclude-result-prefixes="atom">
    <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

    <xsl:variable name="lang">
        <xsl:choose>
            <xsl:when test="starts-with(/rss/channel/language, 'en') or starts-with(/atom:feed/@xml:lang, 'en')">en</xsl:when>
            <xsl:otherwise>ru</xsl:otherwise>
        </xsl:choose>
    </xsl:variable>
    <!-- The page's CSS: the href of the feed's text/css stylesheet instruction. -->
    <xsl:variable name="css">
        <xsl:for-each select="/processing-instruction('xml-stylesheet')[contains(., 'text/css')]">
            <xsl:value-of select="substring-before(substring-after(., 'href=&quot;'), '&quot;')"/>
        </xsl:for-each>
    </xsl:variable>

    <xsl:template match="/">
        <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
        <xsl:variable name="site" select="/rss/channel/link | /atom:feed/atom:link[not(@rel) or @rel='alternate']/@href"/>
        <html lang="{$lang}">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title><xsl:value-of select="$title"/></title>
                <xsl:if test="$css != ''"><link rel="stylesheet" href="{$css}"/></xsl:if>
            </head>
            <body>
                <main class="feed">
                    <p class="feed__note">
                        <xsl:choose>
                            <xsl:when test="$lang = 'en'">This is a news feed. Copy this page's address into a feed reader to follow new entries.</xsl:when>
                            <xsl:otherwise>Это лента новостей. Скопируйте адрес этой страницы в программу для чтения лент (RSS), чтобы узнавать о новых записях.</xsl:otherwise>
                        </xsl:choose>
                    </p>
                    <h1><xsl:value-of select="$title"/></h1>
                    <xsl:variable name="about" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
                    <xsl:if test="$about != $title"><p class="feed__lead"><xsl:value-of select="$about"/></p></xsl:if>
                    <p>
                        <a href="{$site}">
                            <xsl:choose>
                                <xsl:when test="$lang = 'en'">Open on the website →</xsl:when>
                                <xsl:otherwise>Открыть на сайте →</xsl:otherwise>
                            </xsl:choose>
                        </a>
                    </p>
                    <ol class="feed__items">
                        <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
                    </ol>
                </main>
            </body>
        </html>
    </xsl:template>

    <xsl:template match="item">
        <li class="feed__item">
            <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
            <p class="feed__date"><xsl:value-of select="substring(pubDate, 6, 11)"/></p>
            <p><xsl:call-template name="plain"><xsl:with-param name="html" select="description"/></xsl:call-template></p>
        </li>
    </xsl:template>

    <xsl:template match="atom:entry">
        <li class="feed__item">
            <h2><a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
            <p class="feed__date"><xsl:value-of select="substring(atom:published | atom:updated[not(../atom:published)], 1, 10)"/></p>
            <p><xsl:call-template name="plain"><xsl:with-param name="html" select="atom:summary"/></xsl:call-template></p>
        </li>
    </xsl:template>

    <!-- An entry's HTML summary as plain text: tags dropped, never interpreted. -->
    <xsl:template name="plain">
        <xsl:param name="html"/>
        <xsl:choose>
            <xsl:when test="contains($html, '&lt;')">
                <xsl:value-of select="substring-before($html, '&lt;')"/>
                <xsl:text> </xsl:text>
                <xsl:call-template name="plain">
                    <xsl:with-param name="html" select="substring-after(substring-after($html, '&lt;'), '&gt;')"/>
                </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$html"/></xsl:otherwise>
        </xsl:choose>
    </xsl:template>
</xsl:stylesheet>
