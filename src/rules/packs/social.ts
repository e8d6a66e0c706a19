import type { Rule } from '../types.js';

/** Social networks and share-bar buttons, as their labels appear on share and follow bars. */
const NETWORK =
  '(?:Facebook(?:-f)?|Twitter|LinkedIn(?:-in)?|WhatsApp|Pinterest|Pint|Reddit|Instagram|YouTube|TikTok|Telegram|Flipboard|Tumblr|Threads|Bluesky|Mastodon|Snapchat|Messenger|Google\\+|VK|Weibo|WeChat|LINE)';
/** Share and print buttons, in English and the other languages of the stopword lists. */
const BUTTON = `(?:${NETWORK}|Share|Tweet|Email|E-mail|Print|Pin|SMS|RSS|Copy link|Compartir|Compartilhar|Compartilhe|Partager|Teilen|Condividi|Delen|Bagikan|Udostępnij|Поделиться|Поділитися|مشاركة|Imprimir|Imprimer|Drucken|Stampa)`;
/** A network for "share on …" / "follow us on …": the ones above, plus X and email. */
const TARGET = `(?:${NETWORK}|X|email|e-mail|Google News)`;

export const socialRules: readonly Rule[] = [
  {
    id: 'social/share-buttons',
    kind: 'pattern',
    scope: 'page',
    description: 'A line made only of share-bar buttons or network names ("Share", "Tweet", "Facebook Twitter LinkedIn").',
    pattern: new RegExp(`^${BUTTON}(?: ?[|,•·/]? ?${BUTTON}){0,12}$`, 'i'),
    examples: {
      remove: ['Share', 'Tweet', 'Print', 'Facebook Twitter LinkedIn', 'Facebook-f Linkedin-in Twitter', 'WhatsApp | Email', 'Compartir', 'Teilen', 'Поделиться'],
      keep: [
        'Facebook shares fell by 5 percent on Tuesday, the exchange said.',
        'Twitter users mocked the slogan within hours of its launch.',
        'Email the council if you want a say, the mayor told residents.',
        'Print editions were delayed by the storm.',
        'Teilen wollte der Minister die Macht nicht.',
      ],
    },
  },
  {
    id: 'social/opens-in-new-window',
    kind: 'pattern',
    scope: 'page',
    description: 'A link or share button labelled "(Opens in new window)" ("Click to share on WhatsApp (Opens in new window)").',
    pattern: /^[^()]{1,80}\s?\(Opens in (?:a )?new (?:window|tab)\)$/i,
    examples: {
      remove: ['Click to share on WhatsApp (Opens in new window)', 'Click to email a link to a friend (Opens in new window)', 'Read the full report (opens in a new tab)'],
      keep: ['The council published the report on Monday (opens in new window) and said more would follow within the month.'],
    },
  },
  {
    id: 'social/share-prompt',
    kind: 'pattern',
    scope: 'page',
    description: 'Share prompts and counters ("Share this article", "Share on Facebook", "Share this:", "197 Shares").',
    pattern: new RegExp(
      `^(?:share (?:this|the|this full)(?: (?:article|story|post|page|video|gallery|link))?|share (?:article|story|post|page|via|on|to)|(?:share|post|tweet|pin) (?:on|to|via) ${TARGET}(?:,? (?:and |or )?${TARGET}){0,6}|share (?:with|via) (?:friends|email|e-mail)|(?:copy|copy article) link|link copied|\\d[\\d,.]*[KkMm]? shares?|shares?)\\s*[:.!]?$`,
      'i',
    ),
    examples: {
      remove: ['Share this article', 'SHARE THIS ARTICLE:', 'Share this:', 'Share on Facebook', 'Tweet on Twitter', '197 Shares'],
      keep: [
        'Share this information, please?',
        'Share this article with a friend and both of you get a discount, the offer said.',
        'Shares in the company rose 4 percent.',
      ],
    },
  },
  {
    id: 'social/follow-prompt',
    kind: 'pattern',
    scope: 'page',
    description: 'Follow prompts of the site ("Follow us on Twitter", "Follow us:", "Join our WhatsApp channel").',
    pattern: new RegExp(
      `^(?:(?:Follow|Like) us|(?:Follow|Like|Find|Join) us (?:on|at|via) (?:${TARGET}|social media)(?:,? (?:and |or )?(?:on )?${TARGET}){0,6}|Join our (?:${NETWORK}|Google News) (?:channel|group|community)\\b[^.!?]{0,80}|(?:Síguenos|Suivez-nous|Folgen Sie uns|Folge uns|Siga-nos|Sigam-nos|Seguici|Volg ons|Ikuti kami)(?: (?:en|sur|auf|no|nas|su|op|di|on) (?:${TARGET}|las redes sociales|les réseaux sociaux|redes sociais|social media)(?:,? (?:y |et |und |e |en |dan |and )?${TARGET}){0,6})?|Follow us elsewhere|Follow us for (?:breaking news|the latest|latest|more|updates)\\b[^.!?]{0,60}|Follow by (?:email|e-mail)|Stay connected)\\s*[:.!]?$`,
      'i',
    ),
    examples: {
      remove: ['Follow us on Twitter', 'FOLLOW US', 'Follow us:', 'Follow us for breaking news and latest updates:', 'Find us on Facebook', 'Follow us on Google News', 'Join our WhatsApp channel for the latest updates', 'Síguenos en Twitter', 'Suivez-nous sur Facebook et Instagram', 'Folgen Sie uns'],
      keep: [
        'Follow us, the protesters chanted as they marched to the square.',
        'Follow us on the road to recovery, the campaign poster read, beside a photo of the mayor.',
        'Join us',
      ],
    },
  },
  {
    id: 'social/follow-inline',
    kind: 'inline',
    description: '"Follow us on Twitter and Facebook." glued to the end of the last paragraph.',
    pattern: new RegExp(
      `(?<=[.!?…"”’]\\s{0,3})Follow us on ${TARGET}\\b[^.!?\\n]{0,80}[.!]?$`,
      'gi',
    ),
    examples: {
      remove: [
        'The launch is set for Friday. Follow us on Twitter @Spacedotcom and on Facebook.',
        'Police are appealing for witnesses. Follow us on Facebook and Instagram for updates.',
      ],
      keep: [
        'Follow us on Twitter, the campaign urged, and thousands did.',
        'The launch is set for Friday. Followers on Twitter were told first.',
      ],
    },
  },
  {
    id: 'social/newsletter-prompt',
    kind: 'pattern',
    scope: 'page',
    description: 'Newsletter and e-mail sign-up prompts ("Sign up for our newsletter", "SIGN UP FOR NEWSLETTERS AND ALERTS", "Subscribe").',
    pattern:
      /^(?:(?:Sign up|Signup|Subscribe|Register)(?: now| today| here)? (?:for|to) (?:our ?)?(?:[\p{L}\d][\p{L}\d.&'’-]* ){0,4}(?:newsletters?|e-?mails?|email alerts|alerts|briefings?)(?: (?:and|&) (?:alerts|more|newsletters))?(?: today| now| here)?|(?:Email |E-mail |Free )?Newsletters?(?: Sign[- ]?Up| & More)?|Subscribe(?: now| today| here)?|Sign up(?: now| today| here)?|Newsletter sign[- ]?up)\s*[:.!]?$/iu,
    examples: {
      remove: [
        'Sign up for our newsletter',
        'SIGN UP FOR NEWSLETTERS AND ALERTS',
        'Sign up to our daily newsletters',
        'Sign up for SFGATE Newsletters',
        'Sign up for ourNewsletter.',
        'Subscribe to Newsletter',
        'Email Newsletters',
        'Subscribe',
      ],
      keep: [
        'Sign up for the scheme was slower than expected, officials said.',
        'Subscribers to the newsletter were told of the breach on Friday.',
        'Subscribe to our newsletter, the email said, before asking for bank details.',
      ],
    },
  },
  {
    id: 'social/subscribe-word',
    kind: 'line',
    scope: 'page',
    description: 'A subscribe button in another language ("Suscríbete", "Abonnez-vous", "Abonnieren", "Подписаться").',
    lines: ['Suscríbete', 'Suscribirse', 'Abonnez-vous', "S'abonner", 'Abonnieren', 'Jetzt abonnieren', 'Assine', 'Inscreva-se', 'Iscriviti', 'Abbonati', 'Abonneren', 'Berlangganan', 'Subskrybuj', 'Подписаться', 'Підписатися'],
    examples: {
      remove: ['Suscríbete', 'ABONNEZ-VOUS', 'Подписаться'],
      keep: ['Suscríbete, dijo el alcalde, y verás los cambios.'],
    },
  },
  {
    id: 'social/inbox-pitch',
    kind: 'pattern',
    scope: 'page',
    description: 'Pitches for e-mail updates ("Get the latest news delivered to your inbox", "No spam, we promise…").',
    pattern:
      /^(?:(?:Get|Have|Receive|Stay (?:up to date|informed|updated)[^.!?]{0,20}?(?:with|on))\b[^.!?]{0,80}?\b(?:delivered |sent )?(?:straight |right |directly )?(?:to|in|into) your inbox\b[^.!?]{0,20}[.!]?(?: (?:Sign up|Subscribe)\b[^.!?]{0,80}[.!]?)?|Don['’]t miss a[^.!?]{1,30}[.!] Sign up for our [^.!?]{1,40}[.!]?|No spam(?:, we promise)?[.!] You can unsubscribe at any time\b[^!?]{0,120}|Enter your e-?mail address to subscribe\b[^!?]{0,120}|Enter your e-?mail(?: address)?)$/i,
    examples: {
      remove: [
        'Get the latest news delivered to your inbox',
        'Get all latest content delivered straight to your inbox.',
        "Don't miss a brief. Sign up for our daily email.",
        "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.",
      ],
      keep: [
        'Get the latest figures and you see a different picture, the economist said.',
        'Scammers send messages straight to your inbox, police warned.',
      ],
    },
  },
  {
    id: 'social/cookie-notice',
    kind: 'pattern',
    scope: 'page',
    description: 'Cookie notices and cookie buttons ("We use cookies to …", "Accept cookies", "Cookie Policy").',
    pattern:
      /^(?:(?:We|This (?:web)?site|Our (?:web)?site|This website) (?:uses?|is using) cookies\b.{0,400}|By (?:using|continuing to use|browsing) (?:this|our) (?:web)?site,? you (?:agree|consent) to (?:our|the) use of cookies\b.{0,200}|(?:Accept|Allow|Reject|Decline)(?: all)? cookies|Accept all|Reject all|Cookies? (?:policy|settings|preferences|notice)|Manage (?:cookies|cookie settings)|Privacy (?:&|and) cookies(?: policy)?)$/i,
    examples: {
      remove: [
        'We use cookies to give you the best experience on our website.',
        "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish.Accept Read More",
        'Accept cookies',
        'Cookie Policy',
      ],
      keep: [
        'Regulators said the firm used cookies to track children, and fined it.',
        'The website used cookies to track visitors without their consent, the court found.',
      ],
    },
  },
  {
    id: 'social/notification-prompt',
    kind: 'pattern',
    scope: 'page',
    description: 'Browser notification prompts ("GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE TO TURN ON NOTIFICATIONS.").',
    pattern:
      /^(?:Get [^.!?]{1,40} in your browser[.!] )?(?:Click here to |Tap here to )?(?:turn on|enable|allow|get) (?:desktop |push |browser |breaking news )?(?:notifications|alerts)[.!]?$/i,
    examples: {
      remove: ['GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE TO TURN ON NOTIFICATIONS.', 'Turn on notifications', 'Enable push notifications'],
      keep: ['Turn on notifications for the app and you will be told about floods, officials said.', 'Alerts were sent to phones across the state.'],
    },
  },
  {
    id: 'social/paywall-prompt',
    kind: 'pattern',
    scope: 'page',
    description: 'A paywall prompt where the article stops for non-subscribers ("Subscribe to X to keep reading", "Want the full story?", "Il vous reste 85% à découvrir").',
    pattern:
      /^(?:(?:Subscribe|Sign up|Register|Log in|Login)(?: (?:now|today|for free))?(?: to| for)? (?:\S+ ){0,6}(?:to (?:keep|continue) reading|(?:to read|for) the (?:full|rest of the|whole) (?:story|article)|to (?:read|unlock|access) (?:more|this (?:article|story|post)))\b.{0,120}|Keep reading with a \d+-day free trial|(?:Want|Read) the full story\?|To (?:view|read|continue reading) (?:the full story|this (?:article|story|content))\b.{0,80}|(?:If you are|If you're|Are you) already a (?:subscriber|member)\b.{0,120}|Already (?:a )?(?:subscriber|member)\?.{0,80}|This (?:article|story|content) is (?:for|only available to|reserved for|exclusive(?: to)?) (?:subscribers|members)\b.{0,60}|(?:Cet article est réservé aux (?:abonnés|inscrits)|Il vous reste \d+ ?% (?:de l'article )?à (?:lire|découvrir))\b.{0,120}|(?:Dieser Artikel ist (?:nur )?für (?:Abonnenten|Abonnentinnen)|Jetzt weiterlesen mit|Weiterlesen mit)\b.{0,80}|(?:Este (?:artículo|contenido) es (?:exclusivo )?para suscriptores|Para seguir leyendo)\b.{0,80})[.!:]?$/iu,
    examples: {
      remove: [
        'Subscribe to ESN Report to keep reading this post and get 7 days of free access to the full post archives.',
        'Keep reading with a 7-day free trial',
        'Want the full story?',
        'If you are already a subscriber sign up — registration is free!',
        'Subscribe now to our eNATION edition for the full story.',
        'To view the full story, please subscribe to The Haitian Times.',
        'CET ARTICLE EST RÉSERVÉ AUX INSCRITS',
        'Il vous reste 85% à découvrir. Inscrivez vous pour lire la suite de cet article.',
      ],
      keep: [
        'Subscribers to the service were told to keep reading their statements for errors, the bank said.',
        'Want the full story? The minister said there was none to tell.',
        'Already a member of the board, she was appointed chair on Monday.',
      ],
    },
  },
];
